package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.http.SandboxRequest;

/** Which account and region a Lambda request is for, as {@link com.lambdarelease.sandbox.http.RequestScope} reads it. */
final class RequestScope {

    static final String DEFAULT_REGION = com.lambdarelease.sandbox.http.RequestScope.DEFAULT_REGION;
    static final String DEFAULT_ACCOUNT = com.lambdarelease.sandbox.http.RequestScope.DEFAULT_ACCOUNT;
    static final Arns DEFAULT = new Arns(DEFAULT_ACCOUNT, DEFAULT_REGION);

    private RequestScope() {
    }

    static Arns of(SandboxRequest request) {
        var scope = com.lambdarelease.sandbox.http.RequestScope.of(request);
        return new Arns(scope.account(), scope.region());
    }
}
