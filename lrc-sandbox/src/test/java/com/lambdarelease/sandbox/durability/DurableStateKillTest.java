package com.lambdarelease.sandbox.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Given --state-file, when the sandbox is killed -9 mid-write, then no acknowledged write is lost or its version reused. */
class DurableStateKillTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void fiveRoundsOfKillNineLoseNoAcknowledgedWriteAndReuseNoVersionNumber(@TempDir Path dir) throws Exception {
        KillNineRounds.Result result = new KillNineRounds(dir.resolve("state.json")).run(5, Duration.ofMillis(800));
        System.out.printf("kill -9: %d rounds, %d acknowledged publishes, %d lost, %d reused, %.1f ms per update+publish%n",
                result.rounds(), result.acknowledged(), result.lost(), result.reused(), result.meanAckMillis());
        assertThat(result.problems()).isEmpty();
        assertThat(result.acknowledged()).isGreaterThan(10);
    }
}
