package com.lambdarelease.ui.rollout;

import com.lambdarelease.rollout.Evidence;
import com.lambdarelease.rollout.RolloutSnapshot;
import com.lambdarelease.rollout.Verdict;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "why" of a rollout's latest decision as the panel shows it, one labelled line each: the
 * verdict, the counts per version, the error test's statistic against its threshold, what would
 * change the verdict, the evidence still needed, the duration gate and when the data is complete.
 * Pure: the same snapshot always reads the same.
 */
public final class RolloutWhy {

    public record Line(String label, String text) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private RolloutWhy() {
    }

    public static List<Line> of(RolloutSnapshot s, ZoneId zone) {
        Verdict v = s.verdict();
        List<Line> out = new ArrayList<>();
        out.add(new Line("Verdict", verdictWords(v)));
        out.add(new Line("Since shift", counts(v.sinceShift())));
        out.add(new Line("This step", counts(v.sinceStep())));
        out.add(new Line("Error test", String.format(Locale.ROOT, "Λ = %.3g against 1/α = %.3g (log %.2f of %.2f): %s",
                Math.exp(v.logStatistic()), Math.exp(v.logThreshold()), v.logStatistic(), v.logThreshold(),
                v.logStatistic() >= v.logThreshold() ? "v" + s.targetVersion() + " fails more often"
                        : "no sign that v" + s.targetVersion() + " fails more often")));
        out.add(new Line("Would change", wouldChange(s, v)));
        out.add(new Line("Evidence", evidence(s, v)));
        out.add(new Line("Duration", v.reason(Verdict.Reason.Kind.DURATION).map(Verdict.Reason::text)
                .orElse("no minute yet where both versions ran often enough to compare")
                + (v.durationJudged() ? "" : " A step ends only once a duration judgement exists.")));
        out.add(new Line("Incident", v.reason(Verdict.Reason.Kind.PRIMARY).map(Verdict.Reason::text)
                .orElse("not judged yet: the primary is compared with its own hour before the rollout")));
        out.add(new Line("Data", v.dataCompleteThrough().map(t -> "complete through " + time(t, zone)
                + " (a minute is judged once, as soon as all four of its series have arrived)" + nextFinal(s, t))
                .orElse("no complete minute yet: Lambda's metrics arrive 1-3 minutes late" + awaited(v))));
        return out;
    }

    static String verdictWords(Verdict v) {
        return switch (v.result()) {
            case HEALTHY -> "healthy: no gate fails and the evidence is there";
            case INCONCLUSIVE -> "inconclusive: no gate fails, but too little evidence to promote yet";
            case FAILING_ERRORS -> "failing: the error gate";
            case FAILING_DURATION -> "failing: the duration gate";
            case FAILING_THROTTLES -> "failing: the throttle gate";
        };
    }

    private static String counts(Verdict.Counts c) {
        return String.format(Locale.ROOT, "v%s %d errors in %d (%s) · v%s %d in %d (%s)%s", c.canary(), c.canaryErrors(),
                c.canaryInvocations(), percent(c.canaryRate()), c.primary(), c.primaryErrors(), c.primaryInvocations(),
                percent(c.primaryRate()), c.canaryThrottles() > 0 ? " · " + c.canaryThrottles() + " canary throttles" : "");
    }

    private static String wouldChange(RolloutSnapshot s, Verdict v) {
        if (v.result().failing()) {
            return "only an operator: override with a reason to go on, or abort; the gate does not un-fail";
        }
        String errors = v.errorsToFail() > 0 ? v.errorsToFail() + " more v" + s.targetVersion()
                + " errors (with no v" + v.sinceShift().primary() + " error) would roll it back"
                : "the next canary errors decide";
        return v.moreInvocationsNeeded() > 0 ? errors + "; enough error-free invocations would let it promote" : errors;
    }

    private static String evidence(RolloutSnapshot s, Verdict v) {
        String rate = percent(v.worstAcceptableRate());
        String promise = "a canary failing at " + rate + " is accepted at most " + percent(Evidence.BETA)
                + " of the time, however often it is looked at";
        if (v.moreInvocationsNeeded() == 0) {
            return v.sinceShift().canaryErrors() + " errors in " + v.sinceShift().canaryInvocations() + " v"
                    + s.targetVersion() + " invocations are enough: " + promise;
        }
        if (v.moreInvocationsNeeded() < 0) {
            return "not judged yet; it is accepted only once " + promise;
        }
        return v.moreInvocationsNeeded() + " more v" + s.targetVersion() + " invocations needed, with no error"
                + v.minutesToEvidence().map(m -> String.format(Locale.ROOT, " (about %.0f min at the current rate)",
                Math.ceil(m))).orElse(" (it gets no traffic now)") + ", to accept it: " + promise;
    }

    private static String nextFinal(RolloutSnapshot s, Instant through) {
        return s.finished() ? "" : awaited(s.verdict());
    }

    /** "; waiting for v3's Errors of the minute from …", when the engine waits for a series. */
    private static String awaited(Verdict v) {
        return v.waitingFor().map(w -> "; waiting for " + w).orElse("");
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, rate == 0 ? "%.0f%%" : "%.2g%%", rate * 100);
    }

    static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }
}
