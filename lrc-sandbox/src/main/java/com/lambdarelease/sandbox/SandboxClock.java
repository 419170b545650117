package com.lambdarelease.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's notion of time. Either scaled wall time ({@code --speed N} runs N times faster,
 * starting from the real now) or a manual clock that only moves when a test advances it.
 */
public abstract class SandboxClock extends Clock {

    public static SandboxClock scaled(Clock base, double speed) {
        return new Scaled(base, speed);
    }

    public static ManualClock manual(Instant start) {
        return new ManualClock(start);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** How fast sandbox time runs against real time (1 for a manual clock: it does not run). */
    public abstract double speed();

    /**
     * {@code instant().getEpochSecond()}, for callers that need only the second: the metric store asks
     * for it on every datapoint it writes (a backfill writes hundreds of thousands).
     */
    public long epochSecond() {
        return instant().getEpochSecond();
    }

    private static final class Scaled extends SandboxClock {
        private final Clock base;
        private final double speed;
        private final Instant origin;

        Scaled(Clock base, double speed) {
            if (!(speed > 0)) {
                throw new IllegalArgumentException("speed must be > 0, was " + speed);
            }
            this.base = base;
            this.speed = speed;
            this.origin = base.instant();
        }

        @Override
        public Instant instant() {
            return origin.plusNanos(sandboxNanos(base.instant()));
        }

        /** The same second as {@link #instant()}, without its Duration and the two Instants on the way. */
        @Override
        public long epochSecond() {
            return origin.getEpochSecond() + Math.floorDiv(origin.getNano() + sandboxNanos(base.instant()), 1_000_000_000L);
        }

        /** Sandbox nanoseconds since the origin at the real instant {@code now}. */
        private long sandboxNanos(Instant now) {
            long realNanos = Math.addExact(Math.multiplyExact(now.getEpochSecond() - origin.getEpochSecond(), 1_000_000_000L),
                    now.getNano() - origin.getNano());
            return (long) (realNanos * speed);
        }

        @Override
        public double speed() {
            return speed;
        }
    }

    /** A clock for tests: stands still until {@link #advance(Duration)} is called. */
    public static final class ManualClock extends SandboxClock {
        private final AtomicReference<Instant> now;

        ManualClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        public void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        public void set(Instant to) {
            now.set(to);
        }

        @Override
        public double speed() {
            return 1;
        }
    }
}
