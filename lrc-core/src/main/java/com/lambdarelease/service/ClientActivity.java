package com.lambdarelease.service;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Watches every HTTP request the SDK clients send: counts them per operation (benchmarks and tests
 * assert on these counts) and tells listeners when AWS throttles, so the status bar can say that
 * the SDK is backing off and retrying. Never sees or keeps credentials.
 */
public final class ClientActivity implements ExecutionInterceptor {

    /** Something the operator may want to know about: a throttled request about to be retried. */
    public record Throttled(String service, String operation, int status) {
    }

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Throttled>> throttleListeners = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        requests.computeIfAbsent(operation(attributes), k -> new LongAdder()).increment();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        if (status == 429 || (status == 400 && context.httpResponse().firstMatchingHeader("x-amzn-query-error")
                .map(h -> h.startsWith("Throttling")).orElse(false))) {
            Throttled event = new Throttled(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), status);
            throttleListeners.forEach(l -> l.accept(event));
        }
    }

    /** HTTP requests sent for {@code operation} (e.g. "GetMetricData"), retries included. */
    public long requests(String operation) {
        LongAdder n = requests.get(operation);
        return n == null ? 0 : n.sum();
    }

    /** Requests sent so far, per operation (a copy). */
    public Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        requests.forEach((op, n) -> out.put(op, n.sum()));
        return out;
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Listeners run on an SDK thread; UI listeners hop to the FX thread themselves. */
    public Runnable onThrottled(Consumer<Throttled> listener) {
        throttleListeners.add(listener);
        return () -> throttleListeners.remove(listener);
    }

    private static String operation(ExecutionAttributes attributes) {
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return op == null ? "unknown" : op;
    }
}
