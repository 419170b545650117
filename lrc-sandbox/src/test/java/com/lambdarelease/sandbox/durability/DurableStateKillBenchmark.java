package com.lambdarelease.sandbox.durability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Twenty rounds of kill -9 during writes (the acceptance run; surefire skips it by its
 * name). Prints acknowledged writes, losses, reused version numbers and the mean time of one
 * acknowledged UpdateFunctionConfiguration + PublishVersion (two synced saves).
 * Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.lambdarelease.sandbox.durability.DurableStateKillBenchmark [-Dexec.args="20"]}
 */
public final class DurableStateKillBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("sandbox-kill9");
        KillNineRounds.Result r = new KillNineRounds(dir.resolve("state.json")).run(rounds, Duration.ofMillis(1500));
        System.out.printf("%d rounds of kill -9: %d acknowledged publishes, %d lost, %d version numbers reused, "
                + "%.1f ms per acknowledged update+publish%n", r.rounds(), r.acknowledged(), r.lost(), r.reused(),
                r.meanAckMillis());
        r.problems().stream().limit(20).forEach(p -> System.out.println("  " + p));
        System.exit(r.problems().isEmpty() ? 0 : 1);
    }
}
