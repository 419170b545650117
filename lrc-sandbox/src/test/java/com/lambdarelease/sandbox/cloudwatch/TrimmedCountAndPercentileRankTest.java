package com.lambdarelease.sandbox.cloudwatch;

import com.lambdarelease.sandbox.metrics.Invocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.lambdarelease.sandbox.cloudwatch.CloudWatchSandbox.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trimmed count (TC) and percentile rank (PR) read with the Java SDK over HTTP, with the bounds the
 * CloudWatch user guide gives: absolute bounds exclude the lower value and include the upper one,
 * an open bound is infinite (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html).
 */
class TrimmedCountAndPercentileRankTest {

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
                latency(T0.plusSeconds(180)).values(5.0, 15.0).build()));
    }

    private static MetricDatum.Builder latency(Instant at) {
        return MetricDatum.builder().metricName("Latency").timestamp(at).unit(StandardUnit.MILLISECONDS);
    }

    private static MetricDataQuery query(String id, String stat, int period) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(period).stat(stat)
                .metric(m -> m.namespace("Shop").metricName("Latency"))).build();
    }

    private GetMetricDataResponse get(MetricDataQuery... queries) {
        return sandbox.client.getMetricData(r -> r.metricDataQueries(queries).startTime(T0)
                .endTime(T0.plus(Duration.ofMinutes(5))).scanBy(ScanBy.TIMESTAMP_ASCENDING));
    }

    private static List<Double> values(GetMetricDataResponse response, String id) {
        return response.metricDataResults().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().values();
    }

    private static List<Instant> times(GetMetricDataResponse response, String id) {
        return response.metricDataResults().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow()
                .timestamps();
    }

    @Test
    void givenRawValues_whenCountedAboveAThreshold_thenTheThresholdItselfIsNotCountedAndAMinuteWithoutDataIsAbsent() {
        putLatencies();

        GetMetricDataResponse r = get(query("above50", "TC(50:)", 60), query("above10", "TC(10:)", 60),
                query("upto10", "TC(:10)", 60), query("between", "TC(10:20)", 60));

        assertThat(times(r, "above50")).as("11:52 had no values: no datapoint, as for any statistic")
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(180));
        assertThat(values(r, "above50")).as("51..100; minutes with values but none above 50 count 0")
                .containsExactly(50.0, 0.0, 0.0);
        assertThat(values(r, "above10")).as("lower bound exclusive").containsExactly(90.0, 0.0, 1.0);
        assertThat(values(r, "upto10")).as("upper bound inclusive").containsExactly(10.0, 2.0, 1.0);
        assertThat(values(r, "between")).as("11..20").containsExactly(10.0, 0.0, 1.0);
    }

    @Test
    void givenAFiveMinutePeriod_whenCounted_thenTheCountCoversEveryMinuteInIt() {
        putLatencies();

        assertThat(values(get(query("tc", "TC(9:)", 300)), "tc")).containsExactly(91.0 + 2 + 1);
    }

    @Test
    void givenRawValues_whenAskedForAPercentileRank_thenThePercentageInTheRangeIsAnswered() {
        putLatencies();

        GetMetricDataResponse r = get(query("fast", "PR(:25)", 60), query("band", "PR(10:20)", 60));

        assertThat(values(r, "fast")).containsExactly(25.0, 100.0, 100.0);
        assertThat(values(r, "band")).containsExactly(10.0, 0.0, 50.0);
    }

    @Test
    void givenPercentageBounds_whenCounted_thenTheValuesBetweenThoseRanksAreCounted() {
        putLatencies();

        GetMetricDataResponse r = get(query("middle", "TC(10%:90%)", 60), query("short", "tc90", 60),
                query("top", "TC(80%:)", 60));

        assertThat(values(r, "middle").get(0)).isEqualTo(80.0);
        assertThat(values(r, "short").get(0)).as("tc90 is TC(:90%)").isEqualTo(90.0);
        assertThat(values(r, "top").get(0)).isEqualTo(20.0);
    }

    @Test
    void givenAValueThatIsNotExactInBinary_whenItIsTheLowerBound_thenItIsStillExcluded() {
        sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(latency(T0).values(250.3, 250.31).build()));

        GetMetricDataResponse r = get(query("at", "TC(250.3:)", 60), query("below", "TC(250.29:)", 60),
                query("upto", "TC(:250.3)", 60));

        assertThat(values(r, "at")).containsExactly(1.0);
        assertThat(values(r, "below")).containsExactly(2.0);
        assertThat(values(r, "upto")).containsExactly(1.0);
    }

    @Test
    void givenAStatisticSetOfDifferentValues_whenCounted_thenNoDatapointButSumsStillAnswer() {
        sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(latency(T0)
                .statisticValues(s -> s.sampleCount(3.0).sum(60.0).minimum(10.0).maximum(30.0)).build()));

        GetMetricDataResponse r = get(query("tc", "TC(20:)", 60), query("pr", "PR(:20)", 60), query("sum", "Sum", 60));

        assertThat(values(r, "tc")).isEmpty();
        assertThat(values(r, "pr")).isEmpty();
        assertThat(values(r, "sum")).containsExactly(60.0);
    }

    @Test
    void givenAStatisticSetThatIsCopiesOfOneValue_whenCounted_thenItCountsAsThatManyRawValues() {
        // "The Min and Max are equal, and Sum is equal to Min multiplied by SampleCount."
        sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(
                latency(T0).statisticValues(s -> s.sampleCount(4.0).sum(120.0).minimum(30.0).maximum(30.0)).build(),
                latency(T0).value(10.0).build()));

        GetMetricDataResponse r = get(query("tc", "TC(20:)", 60), query("p50", "p50", 60));

        assertThat(values(r, "tc")).containsExactly(4.0);
        assertThat(values(r, "p50")).containsExactly(30.0);
    }

    @Test
    void givenANegativeValueInTheMinute_whenCounted_thenNoDatapoint() {
        // "these type of statistics are not available for metrics when any of the metric values are negative"
        sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(latency(T0).values(-1.0, 5.0).build()));

        GetMetricDataResponse r = get(query("tc", "TC(0:)", 60), query("sum", "Sum", 60));

        assertThat(values(r, "tc")).isEmpty();
        assertThat(values(r, "sum")).containsExactly(4.0);
    }

    @Test
    void givenLambdaDurations_whenCountedPerExecutedVersion_thenEachVersionCountsItsOwnSlowInvocations() {
        double[] v1 = {80, 120, 260, 90};
        double[] v2 = {300, 450, 240, 251, 600};
        for (double ms : v1) {
            sandbox.store.record(new Invocation("checkout", Optional.of("live"), true, "1", T0, ms, false, false));
        }
        for (double ms : v2) {
            sandbox.store.record(new Invocation("checkout", Optional.of("live"), true, "2", T0, ms, false, false));
        }

        GetMetricDataResponse r = get(duration("slow1", "1"), duration("slow2", "2"));

        assertThat(values(r, "slow1")).containsExactly(1.0);
        assertThat(values(r, "slow2")).containsExactly(4.0);
    }

    private static MetricDataQuery duration(String id, String version) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(60).stat("TC(250:)")
                .metric(m -> m.namespace("AWS/Lambda").metricName("Duration").dimensions(
                        Dimension.builder().name("FunctionName").value("checkout").build(),
                        Dimension.builder().name("Resource").value("checkout:live").build(),
                        Dimension.builder().name("ExecutedVersion").value(version).build()))).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TC(:)", "TC()", "tc(10:20)", "TC90", "TC(10%:500)", "TC(500:80)", "TC(250:250)",
            "TC(1.12345678901:)", "TC(101%:)", "PR(10%:90%)", "PR(:)", "TC(-5:)", "TC(1e3:)", "TC(250)"})
    void givenAStatisticCloudWatchCannotParse_whenQueried_thenValidationErrorNamesIt(String stat) {
        assertThatThrownBy(() -> get(query("m1", "Sum", 60), query("m2", stat, 60)))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The value " + stat
                            + " for parameter MetricDataQueries.member.2.MetricStat.Stat is not a valid statistic.");
                });
    }
}
