package com.lambdarelease.sandbox.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * boto3 reads the sandbox's CloudWatch Logs as the Java SDK does: groups and streams through its
 * paginators, a stream forward with GetLogEvents until the token comes back unchanged, every
 * filter-pattern form through the FilterLogEvents paginator, and a missing group as
 * ResourceNotFoundException. Each figure boto3 prints is compared with the Java SDK's answer to the
 * same question. Skipped, saying so, where python3 has no boto3.
 */
class LogsBoto3Test {

    private static final String SCRIPT = """
            import boto3, json, sys
            c = boto3.client('logs', endpoint_url=sys.argv[1], region_name='us-east-1',
                             aws_access_key_id='x', aws_secret_access_key='x')
            spec = json.loads(sys.argv[2])
            out = {}
            out['groups'] = [g['logGroupName'] for p in c.get_paginator('describe_log_groups')
                             .paginate(logGroupNamePrefix='/aws/lambda/', PaginationConfig={'PageSize': 2}) for g in p['logGroups']]
            out['streams'] = [s['logStreamName'] for p in c.get_paginator('describe_log_streams')
                              .paginate(logGroupName=spec['group'], logStreamNamePrefix=spec['prefix']) for s in p['logStreams']]
            events, token = [], None
            while True:
                kw = dict(logGroupName=spec['group'], logStreamName=out['streams'][0], startFromHead=True, limit=7)
                if token:
                    kw['nextToken'] = token
                r = c.get_log_events(**kw)
                events += [e['message'] for e in r['events']]
                if r['nextForwardToken'] == token:
                    break
                token = r['nextForwardToken']
            out['streamEvents'] = events
            out['patterns'] = {}
            for name, (group, prefix, pattern) in spec['patterns'].items():
                n = 0
                for p in c.get_paginator('filter_log_events').paginate(logGroupName=group, logStreamNamePrefix=prefix,
                                                                       filterPattern=pattern):
                    n += len(p['events'])
                out['patterns'][name] = n
            try:
                c.get_log_events(logGroupName='/aws/lambda/no-such-function', logStreamName='x')
                out['missing'] = 'answered'
            except c.exceptions.ResourceNotFoundException as e:
                out['missing'] = e.response['Error']['Message']
            print(json.dumps(out))
            """;

    private static final String GROUP = LogsSandbox.GROUP;
    private static final String V4 = "2026/12/01/[4]";
    private static final Map<String, List<String>> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("term", List.of(GROUP, V4, "ERROR"));
        PATTERNS.put("phrase", List.of(GROUP, V4, "\"float division by zero\""));
        PATTERNS.put("terms", List.of(GROUP, V4, "ERROR PricingRuleError"));
        PATTERNS.put("alternatives", List.of(GROUP, V4, "?PricingRuleError ?ZeroDivisionError"));
        PATTERNS.put("exclusion", List.of(GROUP, V4, "ERROR -ZeroDivisionError"));
        PATTERNS.put("report", List.of(GROUP, "2026/12/01/[", "REPORT \"Init Duration\""));
        PATTERNS.put("json", List.of("/aws/lambda/payments-webhook", "2026",
                "{ $.errorType = \"java.lang.IllegalStateException\" }"));
        PATTERNS.put("jsonOr", List.of("/aws/lambda/payments-webhook", "2026",
                "{ ($.errorType = \"java.lang.IllegalStateException\" || $.errorType = \"software.amazon*\") }"));
    }

    private static LogsSandbox s;

    @BeforeAll
    static void runs() {
        s = new LogsSandbox();
        s.invoke("MyLambdaFunction", "3", 3, Duration.ZERO);
        s.clock.advance(Duration.ofSeconds(1));
        s.invoke("MyLambdaFunction", "3", 20, Duration.ofSeconds(1));
        s.invoke("MyLambdaFunction", "4", 60, Duration.ofSeconds(1));
        s.invoke("payments-webhook", "3", 1_000, Duration.ofSeconds(1)); // 0.4% fail: the JSON patterns need a few
    }

    @AfterAll
    static void close() {
        if (s != null) {
            s.close();
        }
    }

    @Test
    void boto3SeesWhatTheJavaSdkSees() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        boolean ready = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        Assumptions.assumeTrue(ready, "python3 with boto3 is not installed: " + read(probe));

        ObjectMapper json = new ObjectMapper();
        Map<String, Object> spec = Map.of("group", GROUP, "prefix", V4, "patterns", PATTERNS);
        Process run = new ProcessBuilder("python3", "-c", SCRIPT, s.sandbox.endpoint().toString(),
                json.writeValueAsString(spec)).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(out + read(run)).isZero();
        JsonNode boto = json.readTree(out);

        List<String> groups = s.logs.describeLogGroupsPaginator(b -> b.logGroupNamePrefix("/aws/lambda/")).logGroups()
                .stream().map(LogGroup::logGroupName).toList();
        assertThat(texts(boto.path("groups"))).isEqualTo(groups).contains(GROUP, "/aws/lambda/payments-webhook");
        List<String> streams = s.logs.describeLogStreamsPaginator(b -> b.logGroupName(GROUP).logStreamNamePrefix(V4))
                .logStreams().stream().map(LogStream::logStreamName).toList();
        assertThat(texts(boto.path("streams"))).isEqualTo(streams).isNotEmpty();
        List<String> events = s.logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName(streams.get(0))
                .startFromHead(true)).events().stream().map(OutputLogEvent::message).toList();
        assertThat(texts(boto.path("streamEvents"))).as("7 a page, to the token that comes back unchanged")
                .isEqualTo(events).hasSizeGreaterThan(7);
        PATTERNS.forEach((name, q) -> assertThat(boto.path("patterns").path(name).asInt()).as(name + ": " + q.get(2))
                .isEqualTo(s.filterAll(q.get(0), q.get(1), q.get(2)).size()));
        assertThat(boto.path("patterns").path("term").asInt()).isPositive();
        assertThat(boto.path("patterns").path("json").asInt()).isPositive();
        assertThat(boto.path("missing").asText()).isEqualTo("The specified log group does not exist.");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String read(Process p) throws IOException {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
