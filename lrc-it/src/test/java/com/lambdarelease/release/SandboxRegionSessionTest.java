package com.lambdarelease.release;

import com.lambdarelease.app.EmbeddedSandbox;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.connection.ConnectionSpec;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A sandbox connection in a region sees that region's place: eu-west-1 has its own two functions. */
class SandboxRegionSessionTest {

    @Test
    void givenTheSandboxInEuWest1_thenTheConsoleSeesEuWest1sFunctions() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            SessionFactory factory = new SessionFactory(Runnable::run, scheduler, EmbeddedSandbox.of(sandbox));
            try (ConsoleServices eu = factory.open(new ConnectionSpec.Sandbox("eu-west-1")).get(20, TimeUnit.SECONDS);
                 ConsoleServices us = factory.open(new ConnectionSpec.Sandbox()).get(20, TimeUnit.SECONDS)) {
                assertThat(eu.lambda().listAllFunctions().get(20, TimeUnit.SECONDS)).extracting(FunctionSummary::arn)
                        .containsExactly("arn:aws:lambda:eu-west-1:123456789012:function:eu-checkout",
                                "arn:aws:lambda:eu-west-1:123456789012:function:eu-invoices");
                assertThat(us.lambda().listAllFunctions().get(20, TimeUnit.SECONDS)).extracting(FunctionSummary::name)
                        .contains("MyLambdaFunction").doesNotContain("eu-checkout");
                assertThat(new ConnectionSpec.Sandbox("eu-west-1").label()).isEqualTo("Sandbox (embedded) · eu-west-1");
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
