package com.lambdarelease.sandbox.cloudwatch;

import com.lambdarelease.sandbox.metrics.Invocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.lambdarelease.sandbox.cloudwatch.CloudWatchSandbox.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class ListMetricsTest {

    private CloudWatchSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = new CloudWatchSandbox();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void givenAnInvocationThroughAnAlias_whenListingLambdaMetrics_thenAllThreeDimensionSetsAppear() {
        sandbox.store.record(new Invocation("checkout", Optional.of("live"), true, "7", NOW.minusSeconds(30), 120,
                false, false));

        List<Metric> invocations = sandbox.client.listMetrics(r -> r.namespace("AWS/Lambda").metricName("Invocations"))
                .metrics();

        assertThat(invocations).extracting(m -> m.dimensions().stream().map(d -> d.name() + "=" + d.value()).toList())
                .containsExactlyInAnyOrder(
                        List.of("FunctionName=checkout"),
                        List.of("FunctionName=checkout", "Resource=checkout:live"),
                        List.of("ExecutedVersion=7", "FunctionName=checkout", "Resource=checkout:live"));
    }

    @Test
    void givenADimensionFilterWithoutValue_whenListing_thenMetricsHavingThatDimensionMatch() {
        sandbox.store.record(new Invocation("checkout", Optional.of("live"), true, "7", NOW.minusSeconds(30), 120,
                false, false));
        sandbox.store.record(new Invocation("checkout", Optional.of("3"), false, "3", NOW.minusSeconds(30), 120,
                false, false));

        ListMetricsResponse byExecutedVersion = sandbox.client.listMetrics(r -> r.namespace("AWS/Lambda")
                .dimensions(f -> f.name("ExecutedVersion")));
        ListMetricsResponse byResource = sandbox.client.listMetrics(r -> r.namespace("AWS/Lambda").metricName("Duration")
                .dimensions(f -> f.name("Resource").value("checkout:3")));

        assertThat(byExecutedVersion.metrics()).extracting(Metric::metricName)
                .containsExactlyInAnyOrder("Invocations", "Errors", "Throttles", "Duration");
        assertThat(byResource.metrics()).hasSize(1);
        assertThat(byResource.metrics().get(0).dimensions()).hasSize(2);
    }

    @Test
    void givenSixHundredMetrics_whenListed_thenPagesOfFiveHundredAreJoinedByNextToken() {
        List<MetricDatum> data = IntStream.range(0, 600).mapToObj(i -> MetricDatum.builder().metricName("Queue")
                .dimensions(Dimension.builder().name("Shard").value(String.format("s%03d", i)).build())
                .value(1.0).build()).toList();
        sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(data));

        ListMetricsResponse first = sandbox.client.listMetrics(r -> r.namespace("Shop"));
        long all = sandbox.client.listMetricsPaginator(r -> r.namespace("Shop")).metrics().stream().count();

        assertThat(first.metrics()).hasSize(500);
        assertThat(first.nextToken()).isNotBlank();
        assertThat(all).isEqualTo(600);
    }
}
