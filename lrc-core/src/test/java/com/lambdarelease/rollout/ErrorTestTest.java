package com.lambdarelease.rollout;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The error gate's statistic alone, by simulation with a fixed seed. */
class ErrorTestTest {

    private static int binomial(SplittableRandom r, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** One simulated 30-minute canary, looked at after every minute; returns the minute it was rejected, or -1. */
    private static int run(SplittableRandom r, double canaryRate, double primaryRate) {
        ErrorTest test = new ErrorTest(0.01);
        for (int minute = 1; minute <= 30; minute++) {
            int nc = binomial(r, 120, 0.1);
            int np = 120 - nc;
            test.add(nc, binomial(r, nc, canaryRate), np, binomial(r, np, primaryRate));
            if (test.rejected()) {
                return minute;
            }
        }
        return -1;
    }

    @Test
    void givenEqualErrorRatesWhenLookedAtEveryMinuteThenItRollsBackAtMostAlphaOfTheTime() {
        SplittableRandom r = new SplittableRandom(20261201L);
        int runs = 3000;
        int rejected = 0;
        for (int i = 0; i < runs; i++) {
            if (run(r, 0.005, 0.005) > 0) {
                rejected++;
            }
        }
        assertThat((double) rejected / runs).isLessThanOrEqualTo(0.01);
    }

    @Test
    void givenACanaryFailingFifteenPercentThenItIsCaughtWithinAFewMinutes() {
        SplittableRandom r = new SplittableRandom(7L);
        int caught = 0;
        int minutesSum = 0;
        for (int i = 0; i < 200; i++) {
            int m = run(r, 0.15, 0.005);
            if (m > 0) {
                caught++;
                minutesSum += m;
            }
        }
        assertThat(caught).isEqualTo(200);
        assertThat((double) minutesSum / caught).isLessThan(5);
    }

    @Test
    void givenAHandfulOfCanaryErrorsAndNoneOnThePrimaryThenItRejects() {
        ErrorTest test = new ErrorTest(0.01);
        test.add(12, 3, 108, 0);
        assertThat(test.rejected()).isFalse();
        assertThat(test.canaryErrorsToReject(0.1)).isBetween(1, 2);
        test.add(12, 2, 108, 0);
        assertThat(test.rejected()).isTrue();
    }

    @Test
    void givenNoErrorsAtAllThenTheStatisticNeverMoves() {
        ErrorTest test = new ErrorTest(0.01);
        for (int i = 0; i < 1000; i++) {
            test.add(12, 0, 108, 0);
        }
        assertThat(test.logStatistic()).isEqualTo(0.0);
        assertThat(test.rejected()).isFalse();
    }
}
