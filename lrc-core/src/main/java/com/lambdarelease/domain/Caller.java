package com.lambdarelease.domain;

import java.util.Objects;

/**
 * Who a connection acts as, from STS {@code GetCallerIdentity}: the account, the ARN and the user id
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html). For a role assumed
 * through IAM Identity Center the ARN is {@code arn:aws:sts::ACCOUNT:assumed-role/AWSReservedSSO_<set>_<hash>/<user>}
 * and the role session name is the signed-in user (IAM user guide, "IAM identifiers", STS ARNs).
 */
public record Caller(String account, String arn, String userId) {

    public Caller {
        Objects.requireNonNull(account);
        Objects.requireNonNull(arn);
        Objects.requireNonNull(userId);
    }

    /** An ARN's kind: an assumed role's session, an IAM user, the account's root, or something else. */
    public enum Kind { ASSUMED_ROLE, USER, ROOT, OTHER }

    public Kind kind() {
        String resource = resource();
        if (arn.startsWith("arn:aws") && arn.contains(":sts::") && resource.startsWith("assumed-role/")) {
            return Kind.ASSUMED_ROLE;
        }
        if (resource.startsWith("user/")) {
            return Kind.USER;
        }
        return resource.equals("root") ? Kind.ROOT : Kind.OTHER;
    }

    /** The person or program: an assumed role's session name ("alice@example.com"), a user's name, "root". */
    public String name() {
        String resource = resource();
        return switch (kind()) {
            case ASSUMED_ROLE, USER -> resource.substring(resource.lastIndexOf('/') + 1);
            case ROOT -> "root";
            case OTHER -> arn;
        };
    }

    /** The role an assumed-role session is of ("AWSReservedSSO_Release_0123abcd"), else empty. */
    public String role() {
        if (kind() != Kind.ASSUMED_ROLE) {
            return "";
        }
        String[] parts = resource().split("/");
        return parts.length >= 3 ? parts[1] : "";
    }

    /** "alice@example.com (assumed-role AWSReservedSSO_Release_0123abcd, account 123456789012)" */
    public String describe() {
        return switch (kind()) {
            case ASSUMED_ROLE -> name() + " (role " + role() + ", account " + account + ")";
            case USER -> "IAM user " + name() + " (account " + account + ")";
            case ROOT -> "the root user of account " + account;
            case OTHER -> arn;
        };
    }

    private String resource() {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 ? parts[5] : "";
    }
}
