package com.lambdarelease.sandbox.traffic;

import com.lambdarelease.sandbox.FunctionRuntime.TrafficTarget;

import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * How busy a target is at a moment: its base rate times the sandbox's traffic scale, swelling and
 * ebbing by up to 20% over a 40-minute wave (phase fixed per alias, so aliases do not move in
 * lockstep). Counts over an interval are Poisson-distributed around that rate.
 */
final class TrafficRate {

    static final double WAVE_AMPLITUDE = 0.2;
    static final double WAVE_PERIOD_SECONDS = 40 * 60;

    private TrafficRate() {
    }

    /** Expected requests per second for {@code target} at {@code at}. */
    static double perSecond(TrafficTarget target, double trafficScale, Instant at) {
        double base = Math.max(0, target.requestsPerMinute()) * trafficScale / 60.0;
        double phase = (Math.floorMod((target.functionName() + ":" + target.alias()).hashCode(), 1000) / 1000.0)
                * 2 * Math.PI;
        double t = at.getEpochSecond() + at.getNano() / 1e9;
        return base * (1 + WAVE_AMPLITUDE * Math.sin(2 * Math.PI * t / WAVE_PERIOD_SECONDS + phase));
    }

    /** A Poisson-distributed count with the given mean (normal approximation above 30). */
    static int poisson(double mean, RandomGenerator random) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
