package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.AliasHistory;
import com.lambdarelease.release.ReleaseSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static com.lambdarelease.rollout.RolloutSandbox.FN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * boto3 reads what the product wrote and reads, on the sandbox: the CloudTrail event of the product's alias write
 * (who, its user agent naming this tool, the split) and the rollout lease's tags, each compared with what the
 * product itself reads from them. Skipped, saying so, where python3 has no boto3.
 */
class TeamTruthBoto3Test {

    private static final String SCRIPT = """
            import boto3, json, sys
            kw = dict(endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='carol', aws_secret_access_key='x')
            trail, lam = boto3.client('cloudtrail', **kw), boto3.client('lambda', **kw)
            events = [e for p in trail.get_paginator('lookup_events').paginate(
                LookupAttributes=[{'AttributeKey': 'EventName', 'AttributeValue': 'UpdateAlias20150331'}],
                PaginationConfig={'PageSize': 1}) for e in p['Events']]
            out = {'events': [dict(username=e.get('Username'), record=json.loads(e['CloudTrailEvent'])) for e in events]}
            arn = lam.get_function(FunctionName=sys.argv[2])['Configuration']['FunctionArn']
            out['tags'] = lam.list_tags(Resource=arn)['Tags']
            print(json.dumps(out))
            """;

    @TempDir
    Path dir;

    private RolloutSandbox box;

    @AfterEach
    void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    void boto3ReadsTheProductsTrailAndLeaseAsTheProductDoes() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        boolean ready = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        Assumptions.assumeTrue(ready, "python3 with boto3 is not installed: "
                + new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        box = new RolloutSandbox(dir);
        Path journal = dir.resolve("alice/journal.jsonl");
        ReleaseSession alice = box.sessionAs("alice", journal);
        box.other.createAlias(b -> b.functionName(FN).name("qa").functionVersion("2"));
        AliasRoute qa = alice.services().lambda().getAlias(FN, "qa").join();
        alice.writer().planAndApply(AliasChange.update(qa, TrafficSplit.canary("2", "1", 0.05), qa.description())).join();
        String v = box.publishHealthyVersion();
        RolloutEngine engine = box.engine(alice, journal);
        Rollout rollout = engine.start(new RolloutEngine.Request(FN, "prod", v,
                RolloutPlan.predefined("Canary10Percent10Minutes").orElseThrow(), RolloutSettings.defaults())).join();
        rollout.evaluate().join(); // the first shift: an UpdateAlias by the rollout, and the lease renewed with it

        Process run = new ProcessBuilder("python3", "-c", SCRIPT, box.sandbox.endpoint().toString(), FN)
                .redirectErrorStream(true).start();
        String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(said).isZero();
        JsonNode out = new ObjectMapper().readTree(said.lines().reduce((a, b) -> b).orElseThrow());

        // The trail: the product's two UpdateAlias calls, as the product's history reads them.
        AliasHistory.History history = alice.history().of(FN, "qa", box.clock.instant().minus(Duration.ofHours(1))).join();
        JsonNode qaEvent = null;
        for (JsonNode e : out.path("events")) {
            if (e.path("record").path("requestParameters").path("name").asText().equals("qa")) {
                qaEvent = e;
            }
        }
        assertThat(qaEvent).as(said).isNotNull();
        long ours = 0;
        for (JsonNode e : out.path("events")) {
            ours += e.path("record").path("requestParameters").path("functionName").asText().equals(FN) ? 1 : 0;
        }
        assertThat(ours).as("the alias write and the rollout's first shift").isEqualTo(2);
        assertThat(qaEvent.path("username").asText()).isEqualTo("alice");
        JsonNode record = qaEvent.path("record");
        assertThat(record.path("userIdentity").path("arn").asText()).isEqualTo(history.entries().get(0).who());
        assertThat(record.path("userAgent").asText()).contains("app/lambda-release-console");
        assertThat(record.path("responseElements").path("revisionId").asText()).isEqualTo(history.entries().get(0).revision());
        assertThat(record.path("requestParameters").path("routingConfig").path("additionalVersionWeights").path("1").asDouble())
                .isEqualTo(0.05);
        assertThat(history.entries().get(0).after()).contains(TrafficSplit.canary("2", "1", 0.05));

        // The lease: the tags boto3 lists are the lease the product reads.
        RolloutLease lease = engine.leases().of(FN, "prod").join().orElseThrow();
        JsonNode tags = out.path("tags");
        assertThat(tags.path("lrc:rollout:prod").asText()).contains("id=" + lease.rolloutId()).contains("by=alice")
                .contains("pct=10").contains("beat=" + lease.beat());
        assertThat(tags.path("lrc:rollout:prod:owner").asText()).isEqualTo(lease.ownerArn());
        assertThat(tags.has("lrc:rollout:prod:terms:0")).isTrue();
        assertThat(lease.terms()).isPresent();
        assertThat(lease.terms().get().path("started").path("id").asText()).isEqualTo(rollout.id());
    }
}
