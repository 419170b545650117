package com.lambdarelease.service.connection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks a custom endpoint once whether it is a sandbox that runs its own clock: a GET of {@code /} on a
 * loopback address, whose answer (whatever its status) a sandbox stamps with
 * {@value EndpointClock#TIME_HEADER} and {@value EndpointClock#SPEED_HEADER}. AWS's endpoints are never
 * asked: they are not on loopback. Through the JDK's HTTP client, so the core needs nothing of the sandbox.
 */
public final class EndpointClocks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Clock wall;
    private final Duration timeout;

    /** Hears answers on {@code wall}; gives up on an endpoint silent for {@code timeout}. */
    public EndpointClocks(Clock wall, Duration timeout) {
        this.wall = wall;
        this.timeout = timeout;
    }

    /**
     * The clock of the sandbox at {@code endpoint}; empty for an endpoint off loopback, one that does not
     * say its clock, or one that does not answer within the timeout (the connection's own first request
     * then says what is wrong). Blocks: runs on io.
     */
    public Optional<EndpointClock> ask(URI endpoint) {
        if (!isLoopback(endpoint)) {
            return Optional.empty();
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(endpoint.resolve("/")).timeout(timeout).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            // Heard now: the sandbox stamps the answer as it leaves, so the error is its way back, times the speed.
            return EndpointClock.fromAnswer(answer.headers()::firstValue, wall);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** True for {@code localhost} and loopback address literals; a host name is not looked up. */
    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return true;
        }
        boolean literal = IPV4.matcher(host).matches() || host.startsWith("[") && host.endsWith("]");
        if (!literal) {
            return false;
        }
        try {
            // A literal is parsed, not resolved.
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                    .isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
