package com.lambdarelease.sandbox.cloudwatch;

import com.lambdarelease.sandbox.metrics.Invocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.lambdarelease.sandbox.cloudwatch.CloudWatchSandbox.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The Java SDK v2 (smithy-rpc-v2-cbor) reading what was put or recorded, over real HTTP. */
class GetMetricDataOverCborTest {

    private static final Instant T0 = NOW.minus(Duration.ofMinutes(10)); // 11:50
    private CloudWatchSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = new CloudWatchSandbox();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** 11:50 holds 1..100; 11:51 holds 10 twice; 11:52 nothing; 11:53 holds 5 and 15. */
    private void putLatencies() {
        List<Double> oneToHundred = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(
                latency(T0).values(oneToHundred).build(),
                latency(T0.plusSeconds(61)).value(10.0).build(),
                latency(T0.plusSeconds(119)).value(10.0).build(),
                latency(T0.plusSeconds(180)).values(5.0, 15.0).counts(1.0, 1.0).build()));
    }

    private static MetricDatum.Builder latency(Instant at) {
        return MetricDatum.builder().metricName("Latency").timestamp(at).unit(StandardUnit.MILLISECONDS)
                .dimensions(Dimension.builder().name("Service").value("checkout").build());
    }

    private static MetricDataQuery query(String id, String metric, int period, String stat, Dimension... dims) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(period).stat(stat)
                .metric(m -> m.namespace("Shop").metricName(metric).dimensions(dims))).build();
    }

    private static Dimension checkout() {
        return Dimension.builder().name("Service").value("checkout").build();
    }

    private GetMetricDataResponse get(ScanBy scanBy, MetricDataQuery... queries) {
        return sandbox.client.getMetricData(GetMetricDataRequest.builder().metricDataQueries(queries)
                .startTime(T0).endTime(T0.plus(Duration.ofMinutes(5))).scanBy(scanBy).build());
    }

    private static MetricDataResult result(GetMetricDataResponse response, String id) {
        return response.metricDataResults().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void givenPutDatapoints_whenReadPerMinute_thenEachStatisticIsAnsweredNewestFirstAndEmptyMinutesAreAbsent() {
        putLatencies();

        GetMetricDataResponse response = get(null,
                query("sum", "Latency", 60, "Sum", checkout()),
                query("avg", "Latency", 60, "Average", checkout()),
                query("p99", "Latency", 60, "p99", checkout()),
                query("n", "Latency", 60, "SampleCount", checkout()),
                query("hi", "Latency", 60, "Maximum", checkout()),
                query("lo", "Latency", 60, "Minimum", checkout()));

        List<Instant> newestFirst = List.of(T0.plusSeconds(180), T0.plusSeconds(60), T0);
        assertThat(result(response, "sum").timestamps()).containsExactlyElementsOf(newestFirst);
        assertThat(result(response, "sum").values()).containsExactly(20.0, 20.0, 5050.0);
        assertThat(result(response, "avg").values()).containsExactly(10.0, 10.0, 50.5);
        assertThat(result(response, "p99").values()).containsExactly(15.0, 10.0, 99.0);
        assertThat(result(response, "n").values()).containsExactly(2.0, 2.0, 100.0);
        assertThat(result(response, "hi").values()).containsExactly(15.0, 10.0, 100.0);
        assertThat(result(response, "lo").values()).containsExactly(5.0, 10.0, 1.0);
        assertThat(response.metricDataResults()).allSatisfy(r -> {
            assertThat(r.statusCodeAsString()).isEqualTo("Complete");
            assertThat(r.label()).isEqualTo("Latency");
        });
        assertThat(response.messages()).isEmpty();
        assertThat(sandbox.lastRequest.get()).as("the SDK spoke smithy-rpc-v2-cbor").isEqualTo(
                "POST /service/GraniteServiceVersion20100801/operation/GetMetricData application/cbor rpc-v2-cbor");
    }

    @Test
    void givenPutDatapoints_whenReadWithAFiveMinutePeriodAscending_thenMinutesAreAggregated() {
        putLatencies();

        GetMetricDataResponse response = get(ScanBy.TIMESTAMP_ASCENDING,
                query("sum", "Latency", 300, "Sum", checkout()),
                query("p50", "Latency", 300, "p50", checkout()),
                query("n", "Latency", 120, "SampleCount", checkout()));

        assertThat(result(response, "sum").timestamps()).containsExactly(T0);
        assertThat(result(response, "sum").values()).containsExactly(5090.0);
        assertThat(result(response, "p50").values()).containsExactly(48.0);
        assertThat(result(response, "n").timestamps()).containsExactly(T0, T0.plusSeconds(120));
        assertThat(result(response, "n").values()).containsExactly(102.0, 2.0);
    }

    @Test
    void givenALabelAndAWrongUnitOrDimensions_whenRead_thenTheLabelIsEchoedAndOnlyExactMatchesHaveData() {
        putLatencies();
        MetricDataQuery labelled = MetricDataQuery.builder().id("m1").label("checkout latency")
                .metricStat(s -> s.period(60).stat("Sum").metric(m -> m.namespace("Shop").metricName("Latency")
                        .dimensions(checkout()))).build();
        MetricDataQuery wrongUnit = MetricDataQuery.builder().id("m2")
                .metricStat(s -> s.period(60).stat("Sum").unit(StandardUnit.BYTES).metric(m -> m.namespace("Shop")
                        .metricName("Latency").dimensions(checkout()))).build();

        GetMetricDataResponse response = get(null, labelled, wrongUnit, query("m3", "Latency", 60, "Sum"));

        assertThat(result(response, "m1").label()).isEqualTo("checkout latency");
        assertThat(result(response, "m1").values()).hasSize(3);
        assertThat(result(response, "m2").values()).isEmpty();
        assertThat(result(response, "m3").values()).as("no dimensions is another metric").isEmpty();
    }

    @Test
    void givenTwelveSeries_whenAllAreAskedInOneCall_thenEachAnswersItsOwnNumbers() {
        List<MetricDatum> data = new ArrayList<>();
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Dimension alias = Dimension.builder().name("Alias").value("a" + i).build();
            data.add(MetricDatum.builder().metricName("Requests").dimensions(alias).timestamp(T0).value((double) i)
                    .build());
            queries.add(query("q" + i, "Requests", 60, "Sum", alias));
        }
        sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(data));

        GetMetricDataResponse response = get(null, queries.toArray(MetricDataQuery[]::new));

        assertThat(response.metricDataResults()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(result(response, "q" + i).values()).containsExactly((double) i);
        }
    }

    @Test
    void givenInvocationsThroughAWeightedAlias_whenReadByExecutedVersion_thenEachVersionHasItsShare() {
        for (int i = 0; i < 30; i++) {
            String version = i % 3 == 0 ? "2" : "1";
            sandbox.store.record(new Invocation("checkout", Optional.of("live"), true, version,
                    T0.plusSeconds(i), 100 + i, i == 3, false));
        }

        GetMetricDataResponse response = sandbox.client.getMetricData(r -> r.startTime(T0).endTime(NOW).metricDataQueries(
                lambda("v1", "Invocations", "Sum", "ExecutedVersion", "1"),
                lambda("v2", "Invocations", "Sum", "ExecutedVersion", "2"),
                lambda("e2", "Errors", "Sum", "ExecutedVersion", "2"),
                lambda("all", "Invocations", "Sum", null, null),
                lambda("conc", "ConcurrentExecutions", "Maximum", null, null)));

        assertThat(result(response, "v1").values()).containsExactly(20.0);
        assertThat(result(response, "v2").values()).containsExactly(10.0);
        assertThat(result(response, "e2").values()).containsExactly(1.0);
        assertThat(result(response, "all").values()).containsExactly(30.0);
        assertThat(result(response, "conc").values()).containsExactly(1.0);
    }

    private static MetricDataQuery lambda(String id, String metric, String stat, String extraName, String extraValue) {
        List<Dimension> dims = new ArrayList<>(List.of(
                Dimension.builder().name("FunctionName").value("checkout").build(),
                Dimension.builder().name("Resource").value("checkout:live").build()));
        if (extraName != null) {
            dims.add(Dimension.builder().name(extraName).value(extraValue).build());
        }
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(60).stat(stat)
                .metric(m -> m.namespace("AWS/Lambda").metricName(metric).dimensions(dims))).build();
    }

    @Test
    void givenMoreDatapointsThanMaxDatapoints_whenPaged_thenTheSdkPaginatorGathersThemAll() {
        putLatencies();

        List<MetricDataResult> pages = sandbox.client.getMetricDataPaginator(r -> r.startTime(T0)
                        .endTime(NOW).maxDatapoints(2).metricDataQueries(query("sum", "Latency", 60, "Sum", checkout())))
                .metricDataResults().stream().toList();

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).statusCodeAsString()).isEqualTo("PartialData");
        assertThat(pages.stream().flatMap(p -> p.values().stream())).containsExactly(20.0, 20.0, 5050.0);
    }
}
