package com.lambdarelease.sandbox.cloudwatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static com.lambdarelease.sandbox.cloudwatch.CloudWatchSandbox.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid requests get AWS's error types, codes and texts, which the SDK turns into its typed exceptions. */
class CloudWatchErrorsTest {

    private static final Instant START = NOW.minus(Duration.ofHours(1));
    private CloudWatchSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = new CloudWatchSandbox();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static MetricDataQuery query(String id, int period) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(period).stat("Sum")
                .metric(m -> m.namespace("AWS/Lambda").metricName("Invocations"))).build();
    }

    private void getMetricData(Consumer<GetMetricDataRequest.Builder> request) {
        GetMetricDataRequest.Builder b = GetMetricDataRequest.builder().startTime(START).endTime(NOW)
                .metricDataQueries(query("m1", 60));
        request.accept(b);
        sandbox.client.getMetricData(b.build());
    }

    @Test
    void givenAnIdNotStartingWithALowercaseLetter_whenQueried_thenInvalidParameterValueNamesThePattern() {
        assertThatThrownBy(() -> getMetricData(r -> r.metricDataQueries(query("m1", 60), query("Bad", 60))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The value Bad for parameter "
                            + "MetricDataQueries.member.2.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.");
                });
    }

    @Test
    void givenDuplicateIds_whenQueried_thenRejected() {
        assertThatThrownBy(() -> getMetricData(r -> r.metricDataQueries(query("m1", 60), query("m1", 300))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("MetricDataQueries.member.2.Id is not unique");
    }

    @Test
    void givenAPeriodThatIsNotAMultipleOfSixty_whenQueried_thenRejected() {
        assertThatThrownBy(() -> getMetricData(r -> r.metricDataQueries(query("m1", 90))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("MetricDataQueries.member.1.MetricStat.Period must be a multiple of 60");
    }

    @Test
    void givenAStartAfterTheEnd_whenQueried_thenRejected() {
        assertThatThrownBy(() -> getMetricData(r -> r.startTime(NOW).endTime(START)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("The parameter StartTime must be less than the parameter EndTime.");
    }

    @Test
    void givenMoreThanFiveHundredQueries_whenQueried_thenRejected() {
        List<MetricDataQuery> many = IntStream.range(0, 501).mapToObj(i -> query("m" + i, 60)).toList();
        assertThatThrownBy(() -> getMetricData(r -> r.metricDataQueries(many)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("must not have a size greater than 500");
    }

    @Test
    void givenMaxDatapointsAboveTheLimit_whenQueried_thenRejected() {
        assertThatThrownBy(() -> getMetricData(r -> r.maxDatapoints(100_801)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("100800");
    }

    @Test
    void givenAMathFunctionTheSandboxDoesNotCompute_whenQueried_thenItIsRefusedNamingIt() {
        MetricDataQuery math = MetricDataQuery.builder().id("band").expression("ANOMALY_DETECTION_BAND(m1, 2)").build();
        assertThatThrownBy(() -> getMetricData(r -> r.metricDataQueries(query("m1", 60), math)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Error in expression band: the sandbox does not compute ANOMALY_DETECTION_BAND()");
    }

    @Test
    void givenBothMetricStatAndExpression_whenQueried_thenTheCombinationIsRejected() {
        MetricDataQuery both = query("m1", 60).toBuilder().expression("SUM(METRICS())").build();
        assertThatThrownBy(() -> getMetricData(r -> r.metricDataQueries(both)))
                .isInstanceOfSatisfying(InvalidParameterCombinationException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
    }

    @Test
    void givenATokenTheSandboxNeverIssued_whenQueried_thenInvalidNextToken() {
        assertThatThrownBy(() -> getMetricData(r -> r.nextToken("forged")))
                .isInstanceOf(InvalidNextTokenException.class);
    }

    @Test
    void givenPutMetricDataWithoutNamespace_whenSent_thenMissingParameter() {
        assertThatThrownBy(() -> sandbox.client.putMetricData(r -> r.metricData(d -> d.metricName("x").value(1.0))))
                .isInstanceOfSatisfying(MissingRequiredParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The parameter Namespace is required.");
                });
    }

    @Test
    void givenADatumWithBothValueAndStatisticValues_whenPut_thenNothingOfTheRequestIsStored() {
        assertThatThrownBy(() -> sandbox.client.putMetricData(r -> r.namespace("Shop").metricData(
                d -> d.metricName("Good").value(1.0),
                d -> d.metricName("Bad").value(1.0).statisticValues(s -> s.sampleCount(1.0).sum(1.0).minimum(1.0)
                        .maximum(1.0)))))
                .isInstanceOf(InvalidParameterCombinationException.class);

        assertThat(sandbox.client.listMetrics(r -> r.namespace("Shop")).metrics()).isEmpty();
    }

    @Test
    void givenAnErrorAnswer_whenTheSdkReadsIt_thenItIsAModeledCloudWatchExceptionWithARequestId() {
        assertThatThrownBy(() -> getMetricData(r -> r.metricDataQueries(query("m1", 59))))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.requestId()).isNotBlank());
    }
}
