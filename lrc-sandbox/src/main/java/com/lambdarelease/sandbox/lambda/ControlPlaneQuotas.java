package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.TokenBucket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lambda's control-plane request rates, per account and region
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): GetFunction
 * 100 a second; every other control-plane call together 15 a second, not raisable. Invoke is the data
 * plane and is not counted here. Wall time, as {@link TokenBucket}.
 */
final class ControlPlaneQuotas {

    static final double GET_FUNCTION_PER_SECOND = 100;
    static final double OTHERS_PER_SECOND = 15;

    private record Buckets(TokenBucket getFunction, TokenBucket others) {
    }

    private final LongSupplier nanoTime;
    private final Map<Arns, Buckets> byPlace = new ConcurrentHashMap<>();

    ControlPlaneQuotas(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** True when {@code request} may run now (and counts it); false when its account and region are over the rate. */
    boolean tryAcquire(Arns place, SandboxRequest request) {
        String path = request.rawPath();
        String method = request.method().toUpperCase(java.util.Locale.ROOT);
        if (method.equals("POST") && path.endsWith("/invocations")) {
            return true;
        }
        Buckets b = byPlace.computeIfAbsent(place, p -> new Buckets(new TokenBucket(GET_FUNCTION_PER_SECOND, nanoTime),
                new TokenBucket(OTHERS_PER_SECOND, nanoTime)));
        return (isGetFunction(method, path) ? b.getFunction() : b.others()).tryTake();
    }

    /** {@code GET /2015-03-31/functions/{name}}: one segment after the prefix. */
    private static boolean isGetFunction(String method, String path) {
        String prefix = "/2015-03-31/functions/";
        if (!method.equals("GET") || !path.startsWith(prefix)) {
            return false;
        }
        String rest = path.substring(prefix.length());
        return !rest.isEmpty() && rest.indexOf('/') < 0;
    }
}
