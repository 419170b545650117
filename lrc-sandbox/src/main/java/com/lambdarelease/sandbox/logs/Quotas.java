package com.lambdarelease.sandbox.logs;

import com.lambdarelease.sandbox.http.TokenBucket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * AWS's per-account, per-region request rates for the Logs operations served here
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html):
 * DescribeLogGroups 5/s, DescribeLogStreams 25/s, GetLogEvents 10/s, FilterLogEvents 5/s. A token
 * bucket per operation holding one second's worth; past it the request is throttled. Real time,
 * not the sandbox clock: a rate is about how fast clients really call.
 */
final class Quotas {

    static final Map<String, Integer> PER_SECOND = Map.of(
            "DescribeLogGroups", 5, "DescribeLogStreams", 25, "GetLogEvents", 10, "FilterLogEvents", 5);

    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    Quotas(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** True when {@code operation} may run now (and counts it); false when it is over its rate. */
    boolean tryAcquire(String operation) {
        Integer rate = PER_SECOND.get(operation);
        return rate == null || buckets.computeIfAbsent(operation, o -> new TokenBucket(rate, nanoTime)).tryTake();
    }
}
