package com.lambdarelease.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The scaled clock's cheap {@code epochSecond()} is exactly the second of its {@code instant()}. */
class SandboxClockTest {

    @Test
    void theEpochSecondIsTheInstantsSecondAtEverySpeedAndEveryNanosecond() {
        SplittableRandom random = new SplittableRandom(42);
        for (double speed : new double[] {1, 60, 0.5, 1_000, 3.7}) {
            // an origin with a nanosecond part, so the carry into the second is exercised
            // (a manual clock as the real time under the scaled one: it reads whatever the test last set)
            SandboxClock.ManualClock base = SandboxClock.manual(Instant.parse("2026-12-02T03:59:59.999999871Z"));
            SandboxClock clock = SandboxClock.scaled(base, speed);
            for (int i = 0; i < 20_000; i++) {
                base.set(base.instant().plusNanos(random.nextLong(0, 3_000_000_000L)));
                assertThat(clock.epochSecond()).as("speed %s at %s", speed, base.instant())
                        .isEqualTo(clock.instant().getEpochSecond());
            }
        }
    }

    @Test
    void aManualClocksEpochSecondIsItsInstantsSecond() {
        SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-12-02T04:00:00.5Z"));
        assertThat(clock.epochSecond()).isEqualTo(Instant.parse("2026-12-02T04:00:00Z").getEpochSecond());
        clock.advance(java.time.Duration.ofMillis(600));
        assertThat(clock.epochSecond()).isEqualTo(Instant.parse("2026-12-02T04:00:01Z").getEpochSecond());
    }
}
