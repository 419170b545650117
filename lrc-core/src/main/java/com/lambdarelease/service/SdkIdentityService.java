package com.lambdarelease.service;

import com.lambdarelease.domain.Caller;
import com.lambdarelease.service.errors.AwsErrors;
import software.amazon.awssdk.services.sts.StsAsyncClient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * STS {@code GetCallerIdentity}, which needs no permission and cannot be denied by a policy
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html): one request per
 * connection, remembered once answered.
 */
public final class SdkIdentityService implements IdentityService {

    private final StsAsyncClient sts;
    private final AtomicReference<CompletableFuture<Caller>> known = new AtomicReference<>();

    public SdkIdentityService(StsAsyncClient sts) {
        this.sts = sts;
    }

    @Override
    public CompletableFuture<Caller> caller() {
        CompletableFuture<Caller> current = known.get();
        if (current != null && !current.isCompletedExceptionally()) {
            return current;
        }
        CompletableFuture<Caller> asked;
        try {
            asked = sts.getCallerIdentity(r -> { }).thenApply(r -> new Caller(r.account(), r.arn(), r.userId()));
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Caller> translated = asked.handle((c, e) -> {
            if (e != null) {
                throw new CompletionException(AwsErrors.translate(e));
            }
            return c;
        });
        known.set(translated);
        return translated;
    }
}
