package com.lambdarelease.service.connection;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/**
 * The clock of an endpoint that says its own time, as a sped-up sandbox does: at the wall instant
 * {@code heard} it was {@code said}, and it runs {@code speed} times the wall clock, so now is
 * {@code said + (wall - heard) × speed}. A connection to such an endpoint reasons with it, because the
 * endpoint stamps its metrics and log events with it.
 */
public final class EndpointClock extends Clock {

    /** The header an endpoint's answer says its clock's instant in (ISO-8601). */
    public static final String TIME_HEADER = "x-sandbox-time";
    /** The header an endpoint's answer says its clock's speed in (its seconds per real second). */
    public static final String SPEED_HEADER = "x-sandbox-speed";

    private final Instant said;
    private final double speed;
    private final Instant heard;
    private final Clock wall;
    private final ZoneId zone;

    private EndpointClock(Instant said, double speed, Instant heard, Clock wall, ZoneId zone) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
        this.said = said;
        this.speed = speed;
        this.heard = heard;
        this.wall = wall;
        this.zone = zone;
    }

    /** A clock that was {@code said} at {@code wall}'s instant {@code heard} and runs {@code speed} times faster. */
    public static EndpointClock following(Instant said, double speed, Instant heard, Clock wall) {
        return new EndpointClock(said, speed, heard, wall, ZoneOffset.UTC);
    }

    /**
     * The clock an answer's {@value #TIME_HEADER} and {@value #SPEED_HEADER} say, heard at {@code wall}'s
     * now; empty when either is missing or unreadable (the endpoint is not a sandbox).
     */
    public static Optional<EndpointClock> fromAnswer(Function<String, Optional<String>> header, Clock wall) {
        Instant heard = wall.instant();
        Optional<String> time = header.apply(TIME_HEADER);
        Optional<String> speed = header.apply(SPEED_HEADER);
        if (time.isEmpty() || speed.isEmpty()) {
            return Optional.empty();
        }
        try {
            double s = Double.parseDouble(speed.get().strip());
            if (!(s > 0) || Double.isInfinite(s)) {
                return Optional.empty();
            }
            return Optional.of(following(Instant.parse(time.get().strip()), s, heard, wall));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** How many seconds of this clock pass in one second of the wall clock. */
    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        long wallNanos = Duration.between(heard, wall.instant()).toNanos();
        return said.plusNanos((long) (wallNanos * speed));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new EndpointClock(said, speed, heard, wall, zone);
    }

    @Override
    public String toString() {
        return "EndpointClock[" + said + " at " + heard + ", " + speed + "x]";
    }
}
