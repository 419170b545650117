package com.lambdarelease.sandbox.logs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.lambdarelease.sandbox.logs.LogsSandbox.GROUP;
import static com.lambdarelease.sandbox.logs.LogsSandbox.assertLogsError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given the sandbox after runs of MyLambdaFunction v3 and v4, orders-api and payments-webhook,
 * each CloudWatch Logs operation answers as AWS documents it
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/Welcome.html), through the SDK.
 */
class LogsOperationsTest {

    private static LogsSandbox s;
    private static int v4Failures;

    @BeforeAll
    static void runs() {
        s = new LogsSandbox();
        s.invoke("MyLambdaFunction", "3", 3, Duration.ZERO); // three environments of v3
        s.clock.advance(Duration.ofSeconds(1));
        s.invoke("MyLambdaFunction", "3", 30, Duration.ofSeconds(1));
        v4Failures = s.invoke("MyLambdaFunction", "4", 60, Duration.ofSeconds(1));
        s.invoke("orders-api", "8", 5, Duration.ofSeconds(1));
        s.invoke("payments-webhook", "3", 250, Duration.ofSeconds(1));
    }

    @AfterAll
    static void close() {
        s.close();
    }

    @Test
    void describeLogGroupsListsEachInvokedFunctionInNameOrderAndPages() {
        List<LogGroup> all = s.logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/")).logGroups();
        assertThat(all).extracting(LogGroup::logGroupName)
                .containsExactly("/aws/lambda/MyLambdaFunction", "/aws/lambda/orders-api", "/aws/lambda/payments-webhook");
        assertThat(all.get(0).arn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/MyLambdaFunction:*");
        assertThat(all.get(0).logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/MyLambdaFunction");

        var first = s.logs.describeLogGroups(b -> b.limit(2));
        assertThat(first.logGroups()).hasSize(2);
        var second = s.logs.describeLogGroups(b -> b.limit(2).nextToken(first.nextToken()));
        assertThat(second.logGroups()).extracting(LogGroup::logGroupName).containsExactly("/aws/lambda/payments-webhook");
        assertThat(second.nextToken()).isNull();
        assertThat(s.logs.describeLogGroups(b -> b.logGroupNamePattern("orders")).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly("/aws/lambda/orders-api");
    }

    @Test
    void describeLimitsAndCombinationsAreRefused() {
        assertLogsError(() -> s.logs.describeLogGroups(b -> b.limit(51)), 400, "InvalidParameterException",
                "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50");
        assertLogsError(() -> s.logs.describeLogStreams(b -> b.logGroupName(GROUP).logStreamNamePrefix("2026")
                .orderBy(OrderBy.LAST_EVENT_TIME)), 400, "InvalidParameterException", "Cannot order by LastEventTime");
        assertLogsError(() -> s.logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/nope")), 400,
                "ResourceNotFoundException", "The specified log group does not exist.");
        assertLogsError(() -> s.logs.describeLogStreams(b -> b.logGroupIdentifier(
                "arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP + ":*")), 400, "InvalidParameterException",
                "1 validation error detected: Value 'arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP
                        + ":*' at 'logGroupIdentifier' failed to satisfy constraint");
        assertLogsError(() -> s.logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("2026/12/01/[3]nope")), 400,
                "ResourceNotFoundException", "The specified log stream does not exist.");
        assertLogsError(() -> s.logs.filterLogEvents(b -> b.logGroupName(GROUP).logStreamNames("a")
                .logStreamNamePrefix("2026")), 400, "InvalidParameterException", "Cannot specify both");
        assertLogsError(() -> s.logs.filterLogEvents(b -> b.logGroupName(GROUP).filterPattern("{ $.a = ")), 400,
                "InvalidParameterException", "Invalid filter pattern");
        assertLogsError(() -> s.logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("x").nextToken("f/123")), 400,
                "InvalidParameterException", "The specified nextToken is invalid.");
    }

    @Test
    void describeLogStreamsByPrefixPagesInNameOrderAndByLastEventTime() {
        var v3 = s.logs.describeLogStreams(b -> b.logGroupIdentifier(
                "arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP).logStreamNamePrefix("2026/12/01/[3]")).logStreams();
        assertThat(v3).hasSize(3);
        assertThat(v3).allSatisfy(st -> assertThat(st.firstEventTimestamp()).isLessThanOrEqualTo(st.lastEventTimestamp()));
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = s.logs.describeLogStreams(b -> b.logGroupName(GROUP).limit(1).nextToken(t));
            page.logStreams().forEach(st -> names.add(st.logStreamName()));
            token = page.nextToken();
        } while (token != null);
        assertThat(names).hasSize(4).isSorted();
        var byTime = s.logs.describeLogStreams(b -> b.logGroupName(GROUP).orderBy(OrderBy.LAST_EVENT_TIME).descending(true))
                .logStreams();
        assertThat(byTime.get(0).logStreamName()).startsWith("2026/12/01/[4]");
    }

    @Test
    void getLogEventsPagesForwardAndBackAndHandsBackYourTokenAtTheEnd() {
        String stream = s.logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/payments-webhook")).logStreams().get(0)
                .logStreamName();
        GetLogEventsResponse newest = s.logs.getLogEvents(b -> b.logGroupName("/aws/lambda/payments-webhook")
                .logStreamName(stream).limit(10));
        assertThat(newest.events()).hasSize(10);
        assertThat(newest.events().get(9).message()).startsWith("REPORT RequestId: ");

        List<OutputLogEvent> all = new ArrayList<>();
        GetLogEventsResponse page = s.logs.getLogEvents(b -> b.logGroupName("/aws/lambda/payments-webhook")
                .logStreamName(stream).startFromHead(true).limit(100));
        String sent = null;
        while (true) {
            all.addAll(page.events());
            if (page.nextForwardToken().equals(sent)) {
                break;
            }
            sent = page.nextForwardToken();
            String t = sent;
            page = s.logs.getLogEvents(b -> b.logGroupName("/aws/lambda/payments-webhook").logStreamName(stream)
                    .startFromHead(true).limit(100).nextToken(t));
        }
        assertThat(page.events()).isEmpty();
        assertThat(all.size()).isGreaterThanOrEqualTo(750);
        assertThat(all).extracting(OutputLogEvent::timestamp).isSorted();
        assertThat(all.get(0).message()).startsWith("START RequestId: ");

        GetLogEventsResponse back = s.logs.getLogEvents(b -> b.logGroupName("/aws/lambda/payments-webhook")
                .logStreamName(stream).limit(10).nextToken(newest.nextBackwardToken()));
        assertThat(back.events()).hasSize(10);
        assertThat(back.events().get(9).timestamp()).isLessThanOrEqualTo(newest.events().get(0).timestamp());
        assertThat(all.subList(all.size() - 20, all.size() - 10)).extracting(OutputLogEvent::message)
                .containsExactlyElementsOf(back.events().stream().map(OutputLogEvent::message).toList());

        long from = all.get(30).timestamp();
        long to = all.get(60).timestamp();
        var window = s.logs.getLogEvents(b -> b.logGroupName("/aws/lambda/payments-webhook").logStreamName(stream)
                .startFromHead(true).startTime(from).endTime(to)).events();
        assertThat(window).isNotEmpty().allSatisfy(e -> assertThat(e.timestamp()).isBetween(from, to - 1));
    }

    @Test
    void filterLogEventsReadsEveryPatternForm() {
        List<FilteredLogEvent> errors = s.filterAll(GROUP, "2026/12/01/[", "ERROR");
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.message()).startsWith("[ERROR] "));
        List<FilteredLogEvent> v4 = s.filterAll(GROUP, "2026/12/01/[4]", "ERROR");
        assertThat(v4).hasSize(v4Failures);

        assertThat(s.filterAll(GROUP, "2026/12/01/[4]", "\"float division by zero\""))
                .allSatisfy(e -> assertThat(e.message()).contains("ZeroDivisionError: float division by zero"));
        assertThat(s.filterAll(GROUP, "2026/12/01/[4]", "ERROR PricingRuleError"))
                .allSatisfy(e -> assertThat(e.message()).contains("PricingRuleError"));
        var either = s.filterAll(GROUP, "2026/12/01/[4]", "?PricingRuleError ?ZeroDivisionError");
        assertThat(either).hasSize(v4Failures);
        var notZero = s.filterAll(GROUP, "2026/12/01/[4]", "ERROR -ZeroDivisionError");
        assertThat(notZero).allSatisfy(e -> assertThat(e.message()).doesNotContain("ZeroDivisionError"));
        assertThat(notZero.size() + s.filterAll(GROUP, "2026/12/01/[4]", "ZeroDivisionError").size()).isEqualTo(v4Failures);
        assertThat(s.filterAll(GROUP, "2026/12/01/[4]", "zerodivisionerror")).as("case-sensitive").isEmpty();
        assertThat(s.filterAll(GROUP, "2026/12/01/[4]", "REPORT \"Init Duration\"")).hasSize(1);

        List<FilteredLogEvent> java = s.filterAll("/aws/lambda/payments-webhook", "2026",
                "{ $.errorType = \"java.lang.IllegalStateException\" }");
        assertThat(java).allSatisfy(e -> assertThat(e.message()).contains("Signature check failed for event evt_"));
        var anyJava = s.filterAll("/aws/lambda/payments-webhook", "2026",
                "{ ($.errorType = \"java.lang.IllegalStateException\" || $.errorType = \"software.amazon*\") "
                        + "&& $.stackTrace[0] = \"com.example.payments.WebhookHandler.handleRequest*\" }");
        assertThat(anyJava).isNotEmpty();
        assertThat(java.size()).isLessThanOrEqualTo(anyJava.size());
        assertThat(s.filterAll("/aws/lambda/payments-webhook", "2026", "{ $.errorType != \"java.lang.IllegalStateException\" }"))
                .hasSize(anyJava.size() - java.size());
        assertThat(s.filterAll("/aws/lambda/payments-webhook", "2026", "{ $.errorMessage NOT EXISTS }")).isEmpty();
    }

    @Test
    void filterLogEventsInterleavesStreamsInTimeOrderAndPagesToTheEnd() {
        List<FilteredLogEvent> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            var page = s.logs.filterLogEvents(b -> b.logGroupName(GROUP).filterPattern("\"START RequestId\"").limit(7).nextToken(t));
            assertThat(page.events().size()).isLessThanOrEqualTo(7);
            all.addAll(page.events());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(all).hasSize(93);
        assertThat(pages).isEqualTo(14);
        assertThat(all).extracting(FilteredLogEvent::timestamp).isSorted();
        assertThat(all).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
        assertThat(all.stream().map(FilteredLogEvent::logStreamName).distinct()).hasSize(4);

        String one = all.get(0).logStreamName();
        assertThat(s.logs.filterLogEvents(b -> b.logGroupName(GROUP).logStreamNames(one).filterPattern("\"START RequestId\"")).events())
                .allSatisfy(e -> assertThat(e.logStreamName()).isEqualTo(one));
        long from = all.get(10).timestamp();
        long to = all.get(20).timestamp();
        assertThat(s.logs.filterLogEvents(b -> b.logGroupName(GROUP).filterPattern("\"START RequestId\"").startTime(from).endTime(to))
                .events()).hasSize(10);
    }
}
