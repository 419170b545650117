package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.FunctionRuntime.TrafficTarget;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo account a newcomer sees: the guide's MyLambdaFunction plus four realistic functions,
 * each with a history published over the past weeks. MyLambdaFunction's $LATEST holds a healthy
 * change deployed after version 4 and not yet published, so the guide's first step (publish)
 * makes version 5. Deliberate traps for the console's
 * pre-flight checks: image-resizer version 5 runs under a different role than 1-4, and
 * payments-webhook version 1 has no dead-letter queue while 2-3 have one, and its alias live has
 * provisioned concurrency, so a canary split there spills over.
 */
final class DemoAccount {

    /** The seeded aliases that get steady simulated traffic, in requests per minute. */
    static final List<TrafficTarget> TRAFFIC = List.of(
            new TrafficTarget("MyLambdaFunction", "prod", 600),
            new TrafficTarget("MyLambdaFunction", "staging", 20),
            new TrafficTarget("MyLambdaFunction", "dev", 20),
            new TrafficTarget("orders-api", "live", 300),
            new TrafficTarget("image-resizer", "prod", 60),
            new TrafficTarget("payments-webhook", "live", 90),
            new TrafficTarget("nightly-report", "prod", 20));

    /** What MyLambdaFunction version 4 (the new pricing rules) fails with; no other version says this. */
    static final String V4_ERRORS = "PricingRuleError: No pricing rule matches tier 'gold-{n}' for order ord-{id}"
            + "|ZeroDivisionError: float division by zero";

    static final String PAYMENTS_DLQ = "arn:aws:sqs:us-east-1:123456789012:payments-webhook-dlq";

    static final String PAYMENTS_STACK = "payments-prod";
    static final String INVOICES_STACK = "invoices-eu";

    private DemoAccount() {
    }

    /** What CloudFormation tags a resource of stack {@code stack} (id suffix {@code uuid}) with. */
    static Map<String, String> stackTags(Arns arns, String stack, String uuid, String logicalId) {
        return Map.of("aws:cloudformation:stack-name", stack,
                "aws:cloudformation:stack-id", "arn:aws:cloudformation:" + arns.region() + ":" + arns.account()
                        + ":stack/" + stack + "/" + uuid,
                "aws:cloudformation:logical-id", logicalId);
    }

    static void seed(FunctionStore store, Instant now) {
        Demo my = new Demo(store.arns(), "MyLambdaFunction", "python3.13", "lambda_function.lambda_handler", 256, 10);
        String[] notes = {"Initial release", "Add input validation", "Faster JSON parsing", "New pricing rules"};
        for (int v = 1; v <= 4; v++) {
            if (v == 4) {
                // The new pricing rules fail in their own words, so the canary's errors group apart from v3's.
                my.env(FunctionConfig.ERROR_MESSAGES, V4_ERRORS);
            }
            my.env(FunctionConfig.ERROR_RATE, v == 4 ? "0.15" : "0.005")
                    .publish(now.minus(Duration.ofDays(35 - 8L * v)), notes[v - 1]);
        }
        // The guide's step 1 needs something to publish: a fix deployed after version 4, not yet published,
        // that fails less often than version 3 (0.2% against 0.5%), so a rollout of it at the default
        // settings gathers its evidence on prod's traffic within the first step instead of holding.
        my.without(FunctionConfig.ERROR_MESSAGES).env(FunctionConfig.ERROR_RATE, "0.002").deploy(now.minus(Duration.ofHours(2)));
        my.alias("dev", "1", "Internal testing", Map.of())
                .alias("staging", "2", "Pre-production", Map.of())
                .alias("prod", "3", "Live traffic", Map.of());
        store.addQuietly(my.fn);

        Demo orders = new Demo(store.arns(), "orders-api", "nodejs20.x", "index.handler", 512, 15);
        for (int v = 1; v <= 8; v++) {
            orders.env(FunctionConfig.ERROR_RATE, v == 8 ? "0.01" : "0.002")
                    .env(FunctionConfig.LATENCY_MS, v == 8 ? "25" : "0")
                    .publish(now.minus(Duration.ofDays(42)).plus(Duration.ofHours(120L * v)), "orders-api release " + v);
        }
        orders.alias("live", "7", "Canary: 10% to v8", Map.of("8", 0.1))
                .alias("beta", "8", "Beta testers", Map.of());
        store.addQuietly(orders.fn);

        Demo resizer = new Demo(store.arns(), "image-resizer", "python3.12", "app.handler", 1024, 60)
                .layers(List.of("arn:aws:lambda:us-east-1:123456789012:layer:pillow:3"));
        for (int v = 1; v <= 5; v++) {
            if (v == 5) {
                resizer.role("image-resizer-role-v2"); // the deliberate role mismatch
            }
            resizer.env(FunctionConfig.ERROR_RATE, "0.003")
                    .publish(now.minus(Duration.ofDays(30 - 5L * v)), v == 5 ? "Moved to the v2 role" : "Resize tuning " + v);
        }
        resizer.alias("prod", "4", "Live traffic", Map.of()).alias("preview", "5", "New role under test", Map.of());
        store.addQuietly(resizer.fn);

        Demo payments = new Demo(store.arns(), "payments-webhook", "java21", "com.example.payments.WebhookHandler::handleRequest",
                1536, 30);
        for (int v = 1; v <= 3; v++) {
            if (v == 2) {
                payments.deadLetter(PAYMENTS_DLQ);
            }
            payments.env(FunctionConfig.ERROR_RATE, "0.004")
                    .publish(now.minus(Duration.ofDays(24 - 7L * v)), v == 2 ? "Add dead-letter queue" : "Webhook v" + v);
        }
        payments.alias("live", "3", "Provisioned concurrency: 5", Map.of())
                .provisioned("live", 5, now.minus(Duration.ofDays(3)));
        // Owned by a CloudFormation stack: the tags CloudFormation puts on what it creates
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html).
        payments.fn.tag(stackTags(store.arns(), PAYMENTS_STACK, "4e8f2a10-5b3c-11ef-9a1d-0a1b2c3d4e5f",
                "PaymentsWebhookFunction"));
        store.addQuietly(payments.fn);

        Demo report = new Demo(store.arns(), "nightly-report", "provided.al2023", "bootstrap", 2048, 900);
        Instant first = now.minus(Duration.ofDays(32));
        for (int v = 1; v <= 125; v++) {
            report.env(FunctionConfig.ERROR_RATE, "0.001").publish(first.plus(Duration.ofHours(6L * v)), "Nightly build " + v);
        }
        report.alias("prod", "125", "Scheduled run", Map.of()).alias("previous", "124", "Last known good", Map.of());
        store.addQuietly(report.fn);
    }

    /** The region the demo's second place is in: the console's region switch shows a different account view there. */
    static final String SECOND_REGION = "eu-west-1";

    /** eu-west-1 of the demo account: two functions of its own, so switching region visibly changes place. */
    static void seedSecondRegion(FunctionStore store, Instant now) {
        Demo checkout = new Demo(store.arns(), "eu-checkout", "python3.12", "checkout.handler", 512, 20);
        for (int v = 1; v <= 3; v++) {
            checkout.env(FunctionConfig.ERROR_RATE, "0.002").publish(now.minus(Duration.ofDays(12 - 3L * v)), "EU checkout " + v);
        }
        checkout.alias("live", "3", "Live traffic (EU)", Map.of());
        store.addQuietly(checkout.fn);

        Demo invoices = new Demo(store.arns(), "eu-invoices", "java21", "com.example.invoices.Handler::handleRequest",
                1024, 60);
        for (int v = 1; v <= 2; v++) {
            invoices.env(FunctionConfig.ERROR_RATE, "0.001").publish(now.minus(Duration.ofDays(9 - 4L * v)), "Invoices " + v);
        }
        invoices.alias("live", "1", "Canary: 20% to v2", Map.of("2", 0.2));
        // A SAM stack's function: CloudFormation's tags and SAM's own lambda:createdBy
        // (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html).
        Map<String, String> tags = new HashMap<>(stackTags(store.arns(), INVOICES_STACK,
                "9c1d7e42-8a6b-11ef-b3c4-06f1e2d3c4b5", "InvoicesFunction"));
        tags.put("lambda:createdBy", "SAM");
        invoices.fn.tag(tags);
        store.addQuietly(invoices.fn);
    }

    /**
     * An organisation account's us-east-1: {@code {account}-api} (three versions, live on 3) and
     * {@code {account}-worker} (two versions, live on 1 with 10% to 2), so each account signed into
     * through Identity Center shows functions of its own.
     */
    static void seedTeamAccount(FunctionStore store, String accountName, Instant now) {
        Demo api = new Demo(store.arns(), accountName + "-api", "python3.12", "app.handler", 512, 15);
        for (int v = 1; v <= 3; v++) {
            api.env(FunctionConfig.ERROR_RATE, "0.002").publish(now.minus(Duration.ofDays(10 - 3L * v)), accountName + " api " + v);
        }
        api.alias("live", "3", "Live traffic", Map.of());
        store.addQuietly(api.fn);
        Demo worker = new Demo(store.arns(), accountName + "-worker", "nodejs20.x", "index.handler", 256, 60);
        for (int v = 1; v <= 2; v++) {
            worker.env(FunctionConfig.ERROR_RATE, "0.001").publish(now.minus(Duration.ofDays(6 - 2L * v)), accountName + " worker " + v);
        }
        worker.alias("live", "1", "Canary: 10% to v2", Map.of("2", 0.1));
        store.addQuietly(worker.fn);
    }

    /** Bare functions {@code bench-fn-00001}...: one shared code hash, no versions, cheap by design. */
    static void addSynthetic(FunctionStore store, int count, Instant now) {
        CodePackage code = CodePackage.of("bench".getBytes(StandardCharsets.UTF_8));
        String role = store.arns().role("bench-fn-role");
        for (int i = 1; i <= count; i++) {
            String name = String.format("bench-fn-%05d", i);
            if (store.contains(name)) {
                continue;
            }
            store.addQuietly(new LambdaFunction(new FunctionConfig(name, "python3.12", role, "main.handler",
                    code.size(), code.sha256(), "Synthetic benchmark function", 3, 128,
                    now.minus(Duration.ofMinutes(i % 40_000)), FunctionRef.LATEST, Map.of(), List.of(), null,
                    RevisionIds.next(), 0, null), store.arns()));
        }
    }

    /** Builds one demo function's history: change $LATEST, publish, repeat. */
    private static final class Demo {
        private final LambdaFunction fn;
        private final Arns arns;
        private final Map<String, String> env = new HashMap<>();
        private int builds;

        Demo(Arns arns, String name, String runtime, String handler, int memory, int timeout) {
            this.arns = arns;
            CodePackage code = CodePackage.of((name + "#0").getBytes(StandardCharsets.UTF_8));
            fn = new LambdaFunction(new FunctionConfig(name, runtime, arns.role(name + "-role"), handler, code.size(),
                    code.sha256(), "", timeout, memory, Instant.EPOCH, FunctionRef.LATEST, Map.of(), List.of(), null,
                    RevisionIds.next(), 0, null), arns);
        }

        Demo env(String key, String value) {
            env.put(key, value);
            return this;
        }

        Demo without(String key) {
            env.remove(key);
            return this;
        }

        Demo role(String roleName) {
            FunctionConfig c = fn.latest();
            fn.setLatest(new FunctionConfig(c.functionName(), c.runtime(), arns.role(roleName), c.handler(),
                    c.codeSize(), c.codeSha256(), c.description(), c.timeout(), c.memorySize(), c.lastModified(),
                    c.version(), c.environment(), c.layers(), c.deadLetterTarget(), c.revisionId(), c.sourceRevision(), c.settings()));
            return this;
        }

        Demo layers(List<String> layers) {
            return change(new ConfigChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(layers), Optional.empty(), Map.of()));
        }

        Demo deadLetter(String target) {
            return change(new ConfigChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(target), Map.of()));
        }

        /** New code and the current environment in $LATEST (an UpdateFunctionCode), not published. */
        Demo deploy(Instant at) {
            builds++;
            CodePackage code = CodePackage.of(("%s#%d".formatted(fn.name(), builds) + "x".repeat(builds * 37))
                    .getBytes(StandardCharsets.UTF_8));
            FunctionConfig c = fn.latest();
            fn.update(new FunctionConfig(c.functionName(), c.runtime(), c.role(), c.handler(),
                    2_000 + code.size() * 13, code.sha256(), c.description(), c.timeout(), c.memorySize(), at,
                    c.version(), env, c.layers(), c.deadLetterTarget(), RevisionIds.next(), c.sourceRevision(), c.settings()));
            return this;
        }

        /** {@link #deploy}, then a published version. */
        Demo publish(Instant at, String description) {
            deploy(at);
            fn.publish(Optional.of(description), at);
            return this;
        }

        Demo alias(String name, String version, String description, Map<String, Double> weights) {
            fn.putAlias(new Alias(name, version, description, weights, RevisionIds.next()));
            return this;
        }

        Demo provisioned(String qualifier, int executions, Instant at) {
            fn.putProvisioned(new ProvisionedConcurrency(qualifier, executions, at));
            return this;
        }

        private Demo change(ConfigChanges changes) {
            FunctionConfig c = fn.latest();
            fn.setLatest(changes.applyTo(c, c.lastModified(), c.revisionId()));
            return this;
        }
    }
}
