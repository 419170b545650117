package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.release.Feedback;
import com.lambdarelease.rollout.Awaiting;
import com.lambdarelease.rollout.Rollout;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutLoop;
import com.lambdarelease.rollout.RolloutSnapshot;
import com.lambdarelease.rollout.RolloutState;
import com.lambdarelease.rollout.Verdict;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Drives a rollout in the foreground through the core's {@link RolloutLoop}: evaluates every 15 s
 * of the connection's clock (the sandbox's, N times faster with {@code --sandbox-speed N}) and at
 * once when another process asks for a control (within half a second), prints each decision (a line
 * for people, a JSON line with {@code --output json}), and ends when it is promoted, rolled back,
 * failed, or cannot go on (the alias changed, a write failed, the canary unjudged), with that
 * outcome's exit code. A question for the operator (a pause, a manual gate, too little evidence, a
 * failed gate that waits, an incident) does not end it: the gates go on judging while the operator
 * answers from another terminal, so the canary's traffic is never left to nobody; with
 * {@code exitWhenAsked} it ends there with exit 5 instead (for scripts), and `rollout status` then
 * says "no driver since".
 */
final class RolloutDriver {

    private static final Duration CADENCE = RolloutLoop.CADENCE;
    /** How often, in real time, the driver looks for another process's pause, skip, abort … between evaluations. */
    private static final Duration REQUEST_POLL = Duration.ofMillis(500);

    private final PrintWriter out;
    private final boolean json;
    private final double speed;
    private final Feedback feedback;
    private final boolean exitWhenAsked;

    RolloutDriver(PrintWriter out, boolean json, double speed, Feedback feedback, boolean exitWhenAsked) {
        this.exitWhenAsked = exitWhenAsked;
        this.out = out;
        this.json = json;
        this.speed = speed;
        this.feedback = feedback;
    }

    static RolloutEngine engine(CliSession session) {
        Path journal = session.session().journal().file()
                .orElseThrow(() -> CliFailure.refused("Rollouts need a journal file (LRC_JOURNAL or --journal)."));
        return new RolloutEngine(session.session(), session.session().services().clock(), Runnable::run,
                RolloutEngine.lockFolderBeside(journal));
    }

    /** The leases of the session's connection, as a driver on this machine writes and reads them. */
    static com.lambdarelease.rollout.RolloutLeases leases(CliSession session) {
        return com.lambdarelease.rollout.RolloutLeases.reader(session.session().services());
    }

    int drive(Rollout rollout, Clock clock) {
        RolloutLoop loop = new RolloutLoop(feedback);
        loop.add(rollout);
        String last = "";
        while (true) {
            loop.tick().join();
            RolloutSnapshot s = rollout.snapshot();
            String line = s.state() + "|" + s.step() + "|" + s.canaryPercent() + "|" + s.message();
            if (!line.equals(last)) {
                print(s);
                last = line;
            }
            boolean waitHere = !exitWhenAsked && s.awaitingOperator().filter(Awaiting::judgedWhileWaiting).isPresent();
            if (s.finished() || (s.needsOperator() && !waitHere)) {
                return exitCode(s);
            }
            sleep(rollout, clock);
        }
    }

    /** Waits a round of the connection's clock, or less when another process asks for a control. */
    private void sleep(Rollout rollout, Clock clock) {
        Instant until = clock.instant().plus(CADENCE);
        long realMillis = Math.max(5, (long) (CADENCE.toMillis() / speed));
        long slice = Math.max(1, Math.min(REQUEST_POLL.toMillis(), realMillis / 10));
        try {
            long wake = System.nanoTime() + realMillis * 1_000_000;
            while ((System.nanoTime() < wake || clock.instant().isBefore(until)) && !rollout.requestsWaiting()) {
                Thread.sleep(slice);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.NEEDS_OPERATOR, "interrupted", "Interrupted; the rollout stays in the journal "
                    + "(`rollout resume` picks it up).");
        }
    }

    void print(RolloutSnapshot s) {
        if (json) {
            out.println(toJson(s).toString());
        } else {
            out.println(s.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "  " + s.state().words() + "  "
                    + s.stepText() + "  v" + s.targetVersion() + " at " + com.lambdarelease.domain.Weight.percentNumber(s.canaryPercent())
                    + "%: " + s.message());
            if (s.verdict().dataCompleteThrough().isPresent() && !s.finished()) {
                s.verdict().reasons().forEach(r -> out.println("    " + r));
            }
            s.awaitingOperator().ifPresent(a -> out.println("    Waiting for an operator: " + a.words() + "."));
            if (!s.finished() && !exitWhenAsked && s.awaitingOperator().filter(Awaiting::judgedWhileWaiting).isPresent()) {
                out.println("    This driver goes on judging; answer from another terminal (rollout approve|resume|override|abort "
                        + s.function() + " " + s.alias() + "), or Ctrl-C to leave it to `rollout status`.");
            }
        }
        out.flush();
    }

    static ObjectNode toJson(RolloutSnapshot s) {
        ObjectNode n = Output.object();
        n.put("id", s.id());
        n.put("at", s.at().toString());
        n.put("function", s.function());
        n.put("alias", s.alias());
        n.put("version", s.targetVersion());
        n.put("plan", s.plan().name());
        n.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
        n.put("step", s.step());
        n.put("canaryPercent", s.canaryPercent());
        n.put("message", s.message());
        s.awaitingOperator().ifPresent(a -> n.put("awaitingOperator", a.words())
                .put("awaiting", a.name().toLowerCase(java.util.Locale.ROOT)));
        s.cause().ifPresent(c -> n.put("cause", c.name().toLowerCase(java.util.Locale.ROOT)));
        Verdict v = s.verdict();
        ObjectNode verdict = n.putObject("verdict");
        verdict.put("result", v.result().name().toLowerCase(java.util.Locale.ROOT));
        verdict.put("logStatistic", v.logStatistic());
        verdict.put("logThreshold", v.logThreshold());
        verdict.put("canaryInvocations", v.sinceShift().canaryInvocations());
        verdict.put("canaryErrors", v.sinceShift().canaryErrors());
        verdict.put("primaryInvocations", v.sinceShift().primaryInvocations());
        verdict.put("primaryErrors", v.sinceShift().primaryErrors());
        verdict.put("moreInvocationsNeeded", v.moreInvocationsNeeded());
        verdict.put("primaryFailing", v.primaryFailing());
        v.dataCompleteThrough().ifPresent(t -> verdict.put("dataCompleteThrough", t.toString()));
        com.fasterxml.jackson.databind.node.ArrayNode reasons = verdict.putArray("reasons");
        com.fasterxml.jackson.databind.node.ArrayNode kinds = verdict.putArray("reasonKinds");
        v.reasons().forEach(r -> {
            reasons.add(r.text());
            kinds.add(r.kind().name().toLowerCase(java.util.Locale.ROOT));
        });
        return n;
    }

    static int exitCode(RolloutSnapshot s) {
        if (s.state() == RolloutState.PROMOTED) {
            return ExitCodes.DONE;
        }
        if (s.state() == RolloutState.ROLLED_BACK) {
            return ExitCodes.ROLLED_BACK;
        }
        if (s.state() == RolloutState.FAILED) {
            return ExitCodes.AWS_ERROR;
        }
        if (s.awaitingOperator().filter(Awaiting::aliasChanged).isPresent()) {
            return ExitCodes.CONFLICT;
        }
        if (s.awaitingOperator().filter(Awaiting::awsFailure).isPresent()) {
            return ExitCodes.AWS_ERROR;
        }
        return ExitCodes.NEEDS_OPERATOR;
    }
}
