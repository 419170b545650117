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
            Duration real = Duration.between(origin, base.instant());
            return origin.plusNanos((long) (real.toNanos() * speed));
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
