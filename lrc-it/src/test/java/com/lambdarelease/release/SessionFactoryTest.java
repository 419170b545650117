package com.lambdarelease.release;

import com.lambdarelease.app.EmbeddedSandbox;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.connection.ConnectionFailures;
import com.lambdarelease.service.connection.ConnectionSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A connection is called open only once its first request was answered; a failure says where and why. */
class SessionFactoryTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private String savedKey;
    private String savedSecret;

    @BeforeEach
    void credentials() {
        savedKey = System.setProperty("aws.accessKeyId", "sandbox");
        savedSecret = System.setProperty("aws.secretAccessKey", "sandbox");
    }

    @AfterEach
    void restore() {
        restore("aws.accessKeyId", savedKey);
        restore("aws.secretAccessKey", savedSecret);
        scheduler.shutdownNow();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void anEndpointThatAnswersOpensWithTheDefaultCredentialChain() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests());
             SessionFactory factory = new SessionFactory(Runnable::run, scheduler, EmbeddedSandbox.starting(SandboxOptions.forTests()))) {
            var services = factory.open(new ConnectionSpec.CustomEndpoint(sandbox.endpoint(), "us-east-1", Optional.empty()))
                    .get(30, TimeUnit.SECONDS);
            assertThat(services.who()).isEqualTo("default credential chain");
            assertThat(services.lambda().listAllFunctions().get(30, TimeUnit.SECONDS)).isNotEmpty();
            services.close();
        }
    }

    @Test
    void anEndpointThatIsASandboxAtSixtyTimesRunsTheConnectionOnTheSandboxsClock() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builderForTests().speed(60).build());
             SessionFactory factory = new SessionFactory(Runnable::run, scheduler, EmbeddedSandbox.starting(SandboxOptions.forTests()))) {
            Thread.sleep(1000); // a real second: the sandbox is a minute ahead of the wall clock
            var services = factory.open(new ConnectionSpec.CustomEndpoint(sandbox.endpoint(), "us-east-1", Optional.empty()))
                    .get(30, TimeUnit.SECONDS);
            try (services) {
                assertThat(services.clockSpeed()).isEqualTo(60);
                java.time.Instant wall = java.time.Instant.now();
                java.time.Instant theirs = sandbox.clock().instant();
                java.time.Instant ours = services.clock().instant();
                assertThat(java.time.Duration.between(wall, theirs)).isGreaterThan(java.time.Duration.ofSeconds(50));
                assertThat(java.time.Duration.between(ours, theirs).abs()).isLessThan(java.time.Duration.ofSeconds(5));
                // And it keeps following: a real second later both have moved on a minute.
                Thread.sleep(1000);
                assertThat(java.time.Duration.between(services.clock().instant(), sandbox.clock().instant()).abs())
                        .isLessThan(java.time.Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aSandboxEndpointAtRealSpeedRunsTheConnectionAtSpeedOneOnTheWallsTime() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests());
             SessionFactory factory = new SessionFactory(Runnable::run, scheduler, EmbeddedSandbox.starting(SandboxOptions.forTests()))) {
            var services = factory.open(new ConnectionSpec.CustomEndpoint(sandbox.endpoint(), "us-east-1", Optional.empty()))
                    .get(30, TimeUnit.SECONDS);
            try (services) {
                assertThat(services.clockSpeed()).isEqualTo(1);
                assertThat(java.time.Duration.between(services.clock().instant(), java.time.Instant.now()).abs())
                        .isLessThan(java.time.Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void anEndpointNobodyListensOnIsNamedWithThePlainReasonAndNoSdkAdvice() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again below: nothing listens there
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        try (SessionFactory factory = new SessionFactory(Runnable::run, scheduler, EmbeddedSandbox.starting(SandboxOptions.forTests()))) {
            assertThatThrownBy(() -> factory.open(new ConnectionSpec.CustomEndpoint(nowhere, "us-east-1", Optional.empty()))
                    .get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConnectionFailures.ConnectionRefusedException.class)
                    .hasMessageStartingWith("Could not reach " + nowhere + ": ")
                    .hasMessageNotContaining("increase max connections");
        }
    }
}
