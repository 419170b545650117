package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.AccessKeyIds;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which account and region a request is for. Behind an endpoint override the region is only in the
 * SigV4 credential scope ({@code Credential=AKID/20261201/eu-west-1/lambda/aws4_request}); without a
 * signature it may be in the host ({@code lambda.eu-west-1.amazonaws.com}); else it is us-east-1
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
 * The account is the access key itself when that is 12 digits (as LocalStack
 * does), the account a temporary key from the sandbox's Identity Center was issued for
 * ({@link AccessKeyIds}), else the demo account, so several accounts can be tried without any
 * sign-in. Every service of the sandbox keeps its state per scope.
 */
public record RequestScope(String account, String region) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final RequestScope DEFAULT = new RequestScope(DEFAULT_ACCOUNT, DEFAULT_REGION);

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([a-z0-9-]+)/[a-z0-9-]+/aws4_request");
    private static final Pattern HOST = Pattern.compile("^[a-z0-9-]+\\.([a-z]{2}(?:-[a-z]+)+-\\d)\\.amazonaws\\.com(?::\\d+)?$");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public static RequestScope of(SandboxRequest request) {
        Optional<Matcher> signed = request.header("Authorization").map(CREDENTIAL::matcher).filter(Matcher::find);
        String region = signed.map(m -> m.group(2))
                .or(() -> request.header("Host").map(HOST::matcher).filter(Matcher::matches).map(m -> m.group(1)))
                .orElse(DEFAULT_REGION);
        String account = signed.map(m -> m.group(1)).flatMap(RequestScope::accountOf).orElse(DEFAULT_ACCOUNT);
        return new RequestScope(account, region);
    }

    /** A 12-digit key is that account; a temporary key the sandbox's Identity Center issued names its account. */
    private static Optional<String> accountOf(String accessKey) {
        return ACCOUNT.matcher(accessKey).matches() ? Optional.of(accessKey) : AccessKeyIds.account(accessKey);
    }
}
