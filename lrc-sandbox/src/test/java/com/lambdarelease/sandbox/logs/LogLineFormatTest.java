package com.lambdarelease.sandbox.logs;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The REPORT line's numbers and the ids are written by hand for speed: they must read as String.format wrote them. */
class LogLineFormatTest {

    @Test
    void twoDecimalsReadsAsPercentPointTwoF() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // durations as the sandbox draws them (a few ms to minutes) and whole or near-whole values
            double value = i % 3 == 0 ? random.nextDouble(0, 900_000) : i % 3 == 1 ? random.nextInt(0, 5_000) : random.nextDouble(0, 50);
            assertThat(LambdaLogWriter.twoDecimals(new StringBuilder(), value).toString())
                    .as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
        }
        assertThat(LambdaLogWriter.twoDecimals(new StringBuilder(), 0.004).toString()).isEqualTo("0.00");
        assertThat(LambdaLogWriter.twoDecimals(new StringBuilder(), 12.3).toString()).isEqualTo("12.30");
        assertThat(LambdaLogWriter.twoDecimals(new StringBuilder(), 7.05).toString()).isEqualTo("7.05");
    }

    @Test
    void hex16ReadsAsPercentZeroSixteenX() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            long value = i % 2 == 0 ? random.nextLong() : random.nextLong() >>> random.nextInt(64);
            assertThat(LambdaLogWriter.hex16(value)).isEqualTo(String.format("%016x", value));
        }
        assertThat(LambdaLogWriter.hex16(0)).isEqualTo("0000000000000000");
        assertThat(LambdaLogWriter.hex16(-1)).isEqualTo("ffffffffffffffff");
    }
}
