package com.lambdarelease.sandbox.sso;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.AccessKeyIds;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.TokenBucket;
import com.lambdarelease.sandbox.identity.IssuedKeys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * IAM Identity Center's portal (awsssoportal, restJson1): ListAccounts, ListAccountRoles,
 * GetRoleCredentials and Logout, each needing a live token in {@code x-amz-sso_bearer_token}
 * (401 UnauthorizedException otherwise), paged with {@code next_token}/{@code max_result}, and
 * answered 429 TooManyRequestsException past {@link SsoSettings#portalRatePerSecond()}.
 * The credentials it hands out carry the account in their access key id ({@link AccessKeyIds}).
 */
final class PortalService {

    private final SsoSettings settings;
    private final Clock clock;
    private final Tokens tokens;
    private final RandomGenerator random;
    private final TokenBucket rate;
    private final IssuedKeys issued;

    PortalService(SsoSettings settings, Clock clock, LongSupplier nanos, Tokens tokens, RandomGenerator random,
                  IssuedKeys issued) {
        this.issued = issued;
        this.settings = settings;
        this.clock = clock;
        this.tokens = tokens;
        this.random = random;
        this.rate = new TokenBucket(settings.portalRatePerSecond(), nanos);
    }

    ObjectNode handle(SandboxRequest request, String path) {
        if (!rate.tryTake()) {
            throw SsoError.portal(429, "TooManyRequestsException", "Rate exceeded");
        }
        String token = request.header("x-amz-sso_bearer_token").orElse("");
        if (!tokens.valid(token)) {
            throw SsoError.unauthorized();
        }
        return switch (path) {
            case "/assignment/accounts" -> page(request, settings.organisation().accounts(), "accountList", a -> {
                ObjectNode n = SsoError.MAPPER.createObjectNode();
                n.put("accountId", a.accountId());
                n.put("accountName", a.accountName());
                n.put("emailAddress", a.emailAddress());
                return n;
            });
            case "/assignment/roles" -> {
                Organisation.Account account = account(request);
                yield page(request, account.roles(), "roleList", r -> {
                    ObjectNode n = SsoError.MAPPER.createObjectNode();
                    n.put("roleName", r);
                    n.put("accountId", account.accountId());
                    return n;
                });
            }
            case "/federation/credentials" -> credentials(request);
            default -> { // "/logout"
                tokens.revoke(token);
                yield SsoError.MAPPER.createObjectNode();
            }
        };
    }

    private ObjectNode credentials(SandboxRequest request) {
        String role = request.queryParam("role_name").filter(r -> !r.isEmpty())
                .orElseThrow(() -> SsoError.portal(400, "InvalidRequestException", "role_name is required"));
        Organisation.Account account = account(request);
        if (!account.roles().contains(role)) {
            // What AWS answers for a role not assigned to the user (seen in the field; not in the model).
            throw SsoError.portal(403, "ForbiddenException", "No access");
        }
        ObjectNode credentials = SsoError.MAPPER.createObjectNode();
        String accessKeyId;
        synchronized (random) {
            accessKeyId = AccessKeyIds.temporary(account.accountId(), random);
        }
        issued.remember(accessKeyId, new IssuedKeys.Grant(account.accountId(), role, settings.userName()));
        credentials.put("accessKeyId", accessKeyId);
        credentials.put("secretAccessKey", tokens.secret(30));
        credentials.put("sessionToken", "IQoJb3JpZ2luX2VjE" + tokens.secret(96));
        credentials.put("expiration", clock.instant().plus(settings.credentialLifetime()).toEpochMilli());
        ObjectNode out = SsoError.MAPPER.createObjectNode();
        out.set("roleCredentials", credentials);
        return out;
    }

    private Organisation.Account account(SandboxRequest request) {
        String id = request.queryParam("account_id").filter(a -> !a.isEmpty())
                .orElseThrow(() -> SsoError.portal(400, "InvalidRequestException", "account_id is required"));
        return settings.organisation().account(id)
                .orElseThrow(() -> SsoError.portal(404, "ResourceNotFoundException", "Account not found: " + SsoError.cut(id)));
    }

    private <T> ObjectNode page(SandboxRequest request, List<T> all, String member, Function<T, ObjectNode> render) {
        int size = request.queryParam("max_result").map(PortalService::maxResult).orElse(settings.pageSize());
        int from = request.queryParam("next_token").filter(t -> !t.isEmpty()).map(t -> offset(t, all.size())).orElse(0);
        int to = Math.min(all.size(), from + size);
        ObjectNode out = SsoError.MAPPER.createObjectNode();
        ArrayNode list = out.putArray(member);
        all.subList(from, to).forEach(item -> list.add(render.apply(item)));
        if (to < all.size()) {
            out.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static int maxResult(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw SsoError.portal(400, "InvalidRequestException", "max_result must be between 1 and 100");
    }

    private static int offset(String token, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int n = Integer.parseInt(text.substring("offset:".length()));
            if (text.startsWith("offset:") && n > 0 && n < size) {
                return n;
            }
        } catch (RuntimeException ignored) {
            // refused below
        }
        throw SsoError.portal(400, "InvalidRequestException", "Invalid next_token");
    }
}
