package com.lambdarelease.service;

import com.lambdarelease.domain.Caller;

import java.util.concurrent.CompletableFuture;

/** Who this connection's credentials are. Fails only through the future. */
public interface IdentityService {

    /** The caller, asked once per connection and remembered once known (a failure is asked again next time). */
    CompletableFuture<Caller> caller();

    /** The identity a connection without STS has: every call fails, saying so. */
    IdentityService NONE = () -> CompletableFuture.failedFuture(
            new UnsupportedOperationException("This connection does not say who it is (no STS)."));
}
