package com.lambdarelease.service.connection;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection to a sped-up sandbox runs on the sandbox's clock: the instant it said, moved on at its
 * speed from the wall instant its answer arrived. Nothing else is taken for a sandbox.
 */
class EndpointClockTest {

    private static final Instant SAID = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant HEARD = Instant.parse("2026-12-01T09:00:00Z");

    /** A wall clock the test moves. */
    private static final class Wall extends Clock {
        Instant now = HEARD;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void atTheMomentOfTheAnswerItIsTheInstantTheEndpointSaid() {
        Wall wall = new Wall();
        EndpointClock clock = EndpointClock.following(SAID, 60, HEARD, wall);
        assertThat(clock.instant()).isEqualTo(SAID);
        assertThat(clock.speed()).isEqualTo(60);
    }

    @Test
    void aRealSecondLaterItIsSpeedSecondsLater() {
        Wall wall = new Wall();
        EndpointClock clock = EndpointClock.following(SAID, 60, HEARD, wall);
        wall.now = HEARD.plusSeconds(1);
        assertThat(clock.instant()).isEqualTo(SAID.plusSeconds(60));
        wall.now = HEARD.plus(Duration.ofMinutes(5).plusMillis(250));
        assertThat(clock.instant()).isEqualTo(SAID.plus(Duration.ofMinutes(300).plusSeconds(15)));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
    }

    @Test
    void aFractionalSpeedSlowsItAndSpeedOneOnlyShiftsIt() {
        Wall wall = new Wall();
        EndpointClock half = EndpointClock.following(SAID, 0.5, HEARD, wall);
        EndpointClock shifted = EndpointClock.following(SAID, 1, HEARD, wall);
        wall.now = HEARD.plusSeconds(10).plusNanos(2);
        assertThat(half.instant()).isEqualTo(SAID.plusSeconds(5).plusNanos(1));
        assertThat(shifted.instant()).isEqualTo(SAID.plusSeconds(10).plusNanos(2));
    }

    @Test
    void anotherZoneIsTheSameTimeline() {
        Wall wall = new Wall();
        Clock clock = EndpointClock.following(SAID, 60, HEARD, wall).withZone(ZoneId.of("Europe/Berlin"));
        wall.now = HEARD.plusSeconds(2);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(clock.instant()).isEqualTo(SAID.plusSeconds(120));
    }

    @Test
    void anAnswerWithBothHeadersIsASandboxClockHeardAtTheWallsNow() {
        Wall wall = new Wall();
        Map<String, String> headers = Map.of("x-sandbox-time", SAID.toString(), "x-sandbox-speed", "60.0");
        EndpointClock clock = EndpointClock.fromAnswer(h -> Optional.ofNullable(headers.get(h)), wall).orElseThrow();
        wall.now = HEARD.plusMillis(500);
        assertThat(clock.instant()).isEqualTo(SAID.plusSeconds(30));
        assertThat(clock.speed()).isEqualTo(60);
    }

    @Test
    void anAnswerWithoutThemOrWithNonsenseIsNoSandbox() {
        Wall wall = new Wall();
        assertThat(EndpointClock.fromAnswer(h -> Optional.empty(), wall)).isEmpty();
        for (Map<String, String> headers : new Map[]{
                Map.of("x-sandbox-time", SAID.toString()),
                Map.of("x-sandbox-speed", "60"),
                Map.of("x-sandbox-time", "yesterday", "x-sandbox-speed", "60"),
                Map.of("x-sandbox-time", SAID.toString(), "x-sandbox-speed", "fast"),
                Map.of("x-sandbox-time", SAID.toString(), "x-sandbox-speed", "0"),
                Map.of("x-sandbox-time", SAID.toString(), "x-sandbox-speed", "-2"),
                Map.of("x-sandbox-time", SAID.toString(), "x-sandbox-speed", "NaN"),
                Map.of("x-sandbox-time", SAID.toString(), "x-sandbox-speed", "Infinity")}) {
            assertThat(EndpointClock.fromAnswer(h -> Optional.ofNullable(headers.get(h)), wall)).as(headers.toString())
                    .isEmpty();
        }
    }

    @Test
    void onlyALoopbackEndpointIsAskedAndNoNameIsLookedUp() {
        assertThat(EndpointClocks.isLoopback(URI.create("http://127.0.0.1:4599"))).isTrue();
        assertThat(EndpointClocks.isLoopback(URI.create("http://127.1.2.3:4599"))).isTrue();
        assertThat(EndpointClocks.isLoopback(URI.create("http://localhost:4599"))).isTrue();
        assertThat(EndpointClocks.isLoopback(URI.create("http://LocalHost:4599/"))).isTrue();
        assertThat(EndpointClocks.isLoopback(URI.create("http://[::1]:4599"))).isTrue();
        assertThat(EndpointClocks.isLoopback(URI.create("https://lambda.us-east-1.amazonaws.com"))).isFalse();
        assertThat(EndpointClocks.isLoopback(URI.create("http://10.0.0.7:4566"))).isFalse();
        assertThat(EndpointClocks.isLoopback(URI.create("http://[2001:db8::1]:4566"))).isFalse();
        assertThat(EndpointClocks.isLoopback(URI.create("http://127.0.0.1.example.com"))).isFalse();
    }

    @Test
    void aLoopbackPortNobodyListensOnIsNoSandbox() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        EndpointClocks clocks = new EndpointClocks(new Wall(), Duration.ofSeconds(2));
        assertThat(clocks.ask(URI.create("http://127.0.0.1:" + port))).isEmpty();
        assertThat(clocks.ask(URI.create("https://lambda.us-east-1.amazonaws.com"))).isEmpty();
    }
}
