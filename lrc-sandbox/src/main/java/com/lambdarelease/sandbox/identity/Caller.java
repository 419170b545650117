package com.lambdarelease.sandbox.identity;

import java.util.Optional;

/**
 * Who signed a request, as STS GetCallerIdentity and CloudTrail's {@code userIdentity} name them.
 *
 * @param type        CloudTrail's userIdentity type: {@code Root}, {@code IAMUser} or {@code AssumedRole}
 * @param account     the 12-digit account
 * @param arn         the caller's ARN (an assumed role's is its session's {@code arn:aws:sts::...})
 * @param principalId GetCallerIdentity's UserId ({@code AIDA...}, the account, or {@code AROA...:session})
 * @param accessKeyId the key the request was signed with
 * @param userName    the IAM user's name or the role session's name; {@code root} for the root user
 * @param role        for an assumed role, the role that issued the session
 * @param invokedBy   the AWS service that called on someone's behalf ({@code codedeploy.amazonaws.com})
 */
public record Caller(String type, String account, String arn, String principalId, String accessKeyId,
                     String userName, Optional<Role> role, Optional<String> invokedBy) {

    /** An IAM role: its name, ARN and unique id ({@code AROA...}). */
    public record Role(String name, String arn, String roleId) {
    }

    public static final String ROOT = "Root";
    public static final String IAM_USER = "IAMUser";
    public static final String ASSUMED_ROLE = "AssumedRole";

    /** This caller as an AWS service acting for it ({@code invokedBy} in CloudTrail). */
    public Caller invokedBy(String service) {
        return new Caller(type, account, arn, principalId, accessKeyId, userName, role, Optional.of(service));
    }
}
