package com.lambdarelease.sandbox;

import java.time.Duration;

/**
 * Faults injected into one service's requests, each switchable on its own (a rate of 0 is off).
 * A latency spike adds, to the share {@code latencySpikeRate} of requests, a delay drawn from an
 * exponential distribution with mean {@code latencySpikeMean} (capped at ten times the mean):
 * most spikes are short, a few are long, as a real endpoint's tail is.
 *
 * @param throttleRate      share of requests answered with the service's throttling error
 * @param serverErrorRate   share of requests answered with the service's 500
 * @param latencySpikeRate  share of requests that get a latency spike
 * @param latencySpikeMean  mean of the spike's extra delay
 */
public record Faults(double throttleRate, double serverErrorRate, double latencySpikeRate, Duration latencySpikeMean) {

    public static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO);

    public Faults {
        requireShare("throttleRate", throttleRate);
        requireShare("serverErrorRate", serverErrorRate);
        requireShare("latencySpikeRate", latencySpikeRate);
        if (latencySpikeMean.isNegative()) {
            throw new IllegalArgumentException("latencySpikeMean must not be negative");
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }

    /** A spike's extra delay in nanoseconds for the uniform draws {@code u} (is it a spike?) and {@code v} (how long). */
    public long spikeNanos(double u, double v) {
        if (!(u < latencySpikeRate) || latencySpikeMean.isZero()) {
            return 0;
        }
        double mean = latencySpikeMean.toNanos();
        return (long) Math.min(10 * mean, -mean * Math.log(1 - v));
    }

    public Faults withThrottleRate(double r) {
        return new Faults(r, serverErrorRate, latencySpikeRate, latencySpikeMean);
    }

    public Faults withServerErrorRate(double r) {
        return new Faults(throttleRate, r, latencySpikeRate, latencySpikeMean);
    }

    public Faults withLatencySpikes(double rate, Duration mean) {
        return new Faults(throttleRate, serverErrorRate, rate, mean);
    }
}
