package com.lambdarelease.sandbox.traffic;

import com.lambdarelease.sandbox.FunctionRuntime;
import com.lambdarelease.sandbox.FunctionRuntime.TrafficTarget;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Steady, noisy requests to the aliases the Lambda side names as traffic targets, so charts move.
 * At start it fills the configured backfill of history ending now; then a tick every real second
 * covers the sandbox time elapsed since the last one ({@code speed} times as much). Each target
 * gets a Poisson stream around {@code requestsPerMinute × trafficScale}, shaped by a slow wave.
 *
 * <p>Tests drive it with {@link #advanceTo(Instant)} instead of a scheduler: with the same seed
 * and the same calls, the same invocations happen at the same instants.
 */
public final class TrafficSimulator {

    private static final Logger LOG = Logger.getLogger(TrafficSimulator.class.getName());
    /** After a long stall (laptop asleep), history further back than this is skipped, not replayed. */
    private static final Duration MAX_CATCH_UP = Duration.ofHours(1);

    private final FunctionRuntime runtime;
    private final SandboxClock clock;
    private final SandboxOptions.Traffic traffic;
    private final RandomGenerator random;
    private Instant generatedUntil;

    public TrafficSimulator(FunctionRuntime runtime, SandboxClock clock, SandboxOptions.Traffic traffic,
                            RandomGenerator random) {
        this.runtime = runtime;
        this.clock = clock;
        this.traffic = traffic;
        this.random = random;
    }

    /** Generates the configured backfill of history, then keeps generating on {@code scheduler}. */
    public void start(ScheduledExecutorService scheduler) {
        backfill();
        scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Generates {@code traffic.backfill()} of history ending at the clock's now; returns invocations made. */
    public synchronized long backfill() {
        Instant now = clock.instant();
        generatedUntil = now.minus(traffic.backfill());
        return generate(now);
    }

    /**
     * Generates traffic from where the last call stopped up to {@code until} (exclusive); returns
     * the number of invocations made. Times before the last call's end are never generated twice.
     */
    public synchronized long advanceTo(Instant until) {
        if (generatedUntil == null) {
            generatedUntil = until;
            return 0;
        }
        Duration behind = Duration.between(generatedUntil, until);
        Duration catchUpLimit = traffic.backfill().compareTo(MAX_CATCH_UP) > 0 ? traffic.backfill() : MAX_CATCH_UP;
        if (behind.compareTo(catchUpLimit) > 0) {
            generatedUntil = until.minus(catchUpLimit);
        }
        return generate(until);
    }

    /** The instant up to which traffic has been generated (empty before the first call). */
    public synchronized Optional<Instant> generatedUntil() {
        return Optional.ofNullable(generatedUntil);
    }

    private void tick() {
        try {
            advanceTo(clock.instant());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep the traffic flowing.
            LOG.log(Level.WARNING, "traffic tick failed; will try again next second", e);
        }
    }

    private long generate(Instant until) {
        if (!until.isAfter(generatedUntil) || traffic.scale() == 0) {
            generatedUntil = until.isAfter(generatedUntil) ? until : generatedUntil;
            return 0;
        }
        List<TrafficTarget> targets = runtime.trafficTargets();
        long made = 0;
        // Pieces never cross a minute boundary, so each minute's count is drawn around its own rate.
        while (generatedUntil.isBefore(until)) {
            Instant nextMinute = generatedUntil.plusSeconds(60 - Math.floorMod(generatedUntil.getEpochSecond(), 60))
                    .minusNanos(generatedUntil.getNano());
            Instant pieceEnd = nextMinute.isBefore(until) ? nextMinute : until;
            for (TrafficTarget target : targets) {
                made += generate(target, generatedUntil, pieceEnd);
            }
            generatedUntil = pieceEnd;
        }
        return made;
    }

    private int generate(TrafficTarget target, Instant from, Instant to) {
        long spanNanos = Duration.between(from, to).toNanos();
        Instant middle = from.plusNanos(spanNanos / 2);
        double mean = TrafficRate.perSecond(target, traffic.scale(), middle) * spanNanos / 1e9;
        int count = TrafficRate.poisson(mean, random);
        if (count == 0) {
            return 0;
        }
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = random.nextLong(spanNanos);
        }
        Arrays.sort(offsets);
        try {
            for (long offset : offsets) {
                runtime.invokeSimulated(target.functionName(), target.alias(), from.plusNanos(offset));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulated invocation of " + target.functionName() + ":" + target.alias()
                    + " failed; skipping the rest of this piece", e);
        }
        return count;
    }
}
