package com.lambdarelease.sandbox.cloudwatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GetMetricData metric math through the Java SDK (smithy-rpc-v2-cbor): arithmetic between ids, SUM /
 * AVG / MIN / MAX, METRICS(), FILL, IF, RATE and ReturnData, on errors and invocations put for minutes
 * 0-3 of the hour (errors missing at minute 2).
 */
class MetricMathTest {

    private static final Instant T0 = CloudWatchSandbox.NOW.minus(Duration.ofMinutes(10));
    private CloudWatchSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = new CloudWatchSandbox();
        List<MetricDatum> data = new ArrayList<>();
        double[] invocations = {100, 200, 50, 400};
        double[] errors = {5, 20, -1, 0};
        for (int m = 0; m < 4; m++) {
            Instant at = T0.plus(Duration.ofMinutes(m));
            data.add(MetricDatum.builder().metricName("Invocations").value(invocations[m]).timestamp(at).unit(StandardUnit.COUNT).build());
            if (errors[m] >= 0) {
                data.add(MetricDatum.builder().metricName("Errors").value(errors[m]).timestamp(at).unit(StandardUnit.COUNT).build());
            }
        }
        sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(data));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static MetricDataQuery stat(String id, String metric, boolean returnData) {
        return MetricDataQuery.builder().id(id).returnData(returnData).metricStat(s -> s.period(60).stat("Sum")
                .metric(m -> m.namespace("Shop").metricName(metric))).build();
    }

    private static MetricDataQuery math(String id, String expression) {
        return MetricDataQuery.builder().id(id).expression(expression).build();
    }

    private GetMetricDataResponse ask(MetricDataQuery... expressions) {
        List<MetricDataQuery> queries = new ArrayList<>(List.of(stat("inv", "Invocations", false), stat("err", "Errors", false)));
        queries.addAll(List.of(expressions));
        return sandbox.client.getMetricData(r -> r.startTime(T0).endTime(T0.plus(Duration.ofMinutes(5)))
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(queries));
    }

    private static List<Double> values(GetMetricDataResponse response, String id) {
        return response.metricDataResults().stream().filter(r -> r.id().equals(id)).findFirst()
                .map(MetricDataResult::values).orElseThrow();
    }

    @Test
    void arithmeticBetweenIds_treatsAMissingPointAsZero_andDropsADivisionByZero() {
        GetMetricDataResponse r = ask(math("rate", "100 * err / inv"), math("ok", "inv - err"), math("per", "err / (inv - inv)"));

        assertThat(r.metricDataResults()).extracting(MetricDataResult::id).containsExactly("rate", "ok", "per");
        assertThat(values(r, "rate")).containsExactly(5.0, 10.0, 0.0, 0.0);
        assertThat(values(r, "ok")).containsExactly(95.0, 180.0, 50.0, 400.0);
        assertThat(values(r, "per")).isEmpty();
        assertThat(r.metricDataResults().get(0).statusCodeAsString()).isEqualTo("Complete");
    }

    @Test
    void aggregatesMetricsFillIfAndRate() {
        GetMetricDataResponse r = ask(
                math("total", "SUM(METRICS())"),
                math("peak", "MAX(METRICS(\"inv\"))"),
                math("filled", "FILL(err, REPEAT)"),
                math("zeroed", "FILL(err, 0)"),
                math("busy", "IF(inv > 150, inv, 0)"),
                math("growth", "RATE(inv)"),
                math("scaled", "inv / AVG(inv)"));

        assertThat(values(r, "total")).containsExactly(105.0, 220.0, 50.0, 400.0);
        assertThat(values(r, "peak")).containsExactly(100.0, 200.0, 50.0, 400.0);
        assertThat(values(r, "filled")).containsExactly(5.0, 20.0, 20.0, 0.0, 0.0);
        assertThat(values(r, "zeroed")).containsExactly(5.0, 20.0, 0.0, 0.0, 0.0);
        assertThat(values(r, "busy")).containsExactly(0.0, 200.0, 0.0, 400.0);
        assertThat(values(r, "growth")).containsExactly(100 / 60.0, -150 / 60.0, 350 / 60.0);
        assertThat(values(r, "scaled")).containsExactly(100 / 187.5, 200 / 187.5, 50 / 187.5, 400 / 187.5);
    }

    @Test
    void aNumberIsNotAnAnswer_andAnUnknownIdIsNamed() {
        assertThatThrownBy(() -> ask(math("n", "SUM(inv)"))).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Error in expression n: the expression must return a time series");
        assertThatThrownBy(() -> ask(math("x", "inv + nope"))).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Error in expression x: unknown metric id nope");
    }
}
