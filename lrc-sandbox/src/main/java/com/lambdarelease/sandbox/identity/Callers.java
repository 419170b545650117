package com.lambdarelease.sandbox.identity;

import com.lambdarelease.sandbox.http.RequestScope;
import com.lambdarelease.sandbox.http.SandboxRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for who a request's access key is (used by STS GetCallerIdentity and CloudTrail):
 * <ul>
 * <li>a 12-digit key is that account's root user ({@code arn:aws:iam::ACCOUNT:root}, UserId = the account);</li>
 * <li>a temporary {@code ASIA} key the sandbox's Identity Center issued is the signed-in user in the
 * permission set's role, {@code arn:aws:sts::ACCOUNT:assumed-role/AWSReservedSSO_<Role>_<hash>/<user>}
 * (https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html); one it did not
 * issue (or forgot) is nobody: STS answers InvalidClientTokenId;</li>
 * <li>any other key, and an unsigned request ({@code sandbox}), is an IAM user of the demo account named
 * after the key ({@code arn:aws:iam::123456789012:user/<key>}).</li>
 * </ul>
 * Unique ids ({@code AIDA}/{@code AROA} + 17 base32 characters) and the 16 hex characters after the
 * permission set's name are random on AWS; the sandbox derives them from the names so they are the
 * same after a restart (its own choice, not AWS's).
 */
public final class Callers {

    /** The key an unsigned request counts as. */
    public static final String UNSIGNED_KEY = "sandbox";

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final IssuedKeys issued;

    public Callers(IssuedKeys issued) {
        this.issued = issued;
    }

    /** The access key id a request was signed with, {@link #UNSIGNED_KEY} when it was not signed. */
    public static String accessKeyId(SandboxRequest request) {
        return request.header("Authorization").map(CREDENTIAL::matcher).filter(Matcher::find).map(m -> m.group(1))
                .orElse(UNSIGNED_KEY);
    }

    /** Who signed {@code request}; empty for a temporary key the sandbox did not issue. */
    public Optional<Caller> of(SandboxRequest request) {
        return of(accessKeyId(request));
    }

    /** Who {@code accessKeyId} is; empty for a temporary key the sandbox did not issue. */
    public Optional<Caller> of(String accessKeyId) {
        if (ACCOUNT.matcher(accessKeyId).matches()) {
            return Optional.of(new Caller(Caller.ROOT, accessKeyId, "arn:aws:iam::" + accessKeyId + ":root",
                    accessKeyId, accessKeyId, "root", Optional.empty(), Optional.empty()));
        }
        if (accessKeyId.startsWith("ASIA")) {
            return issued.grant(accessKeyId).map(g -> ssoUser(g, accessKeyId));
        }
        String account = RequestScope.DEFAULT_ACCOUNT;
        return Optional.of(new Caller(Caller.IAM_USER, account, "arn:aws:iam::" + account + ":user/" + accessKeyId,
                uniqueId("AIDA", account + "/user/" + accessKeyId), accessKeyId, accessKeyId, Optional.empty(),
                Optional.empty()));
    }

    /** The role IAM Identity Center makes in an account for a permission set: {@code AWSReservedSSO_<set>_<hash>}. */
    public static Caller.Role ssoRole(String account, String permissionSet) {
        String name = "AWSReservedSSO_" + permissionSet + "_" + HexFormat.of().formatHex(sha256(account + "/" + permissionSet), 0, 8);
        return new Caller.Role(name, "arn:aws:iam::" + account + ":role/aws-reserved/sso.amazonaws.com/" + name,
                uniqueId("AROA", account + "/role/" + name));
    }

    /** A session of {@code role} named {@code sessionName}, signed with {@code accessKeyId}. */
    public static Caller assumedRole(String account, Caller.Role role, String sessionName, String accessKeyId) {
        return new Caller(Caller.ASSUMED_ROLE, account,
                "arn:aws:sts::" + account + ":assumed-role/" + role.name() + "/" + sessionName,
                role.roleId() + ":" + sessionName, accessKeyId, sessionName, Optional.of(role), Optional.empty());
    }

    private static Caller ssoUser(IssuedKeys.Grant grant, String accessKeyId) {
        return assumedRole(grant.account(), ssoRole(grant.account(), grant.roleName()), grant.userName(), accessKeyId);
    }

    /** {@code prefix} and 17 base32 characters derived from {@code seed}, as IAM's unique ids look. */
    public static String uniqueId(String prefix, String seed) {
        byte[] hash = sha256(seed);
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            out.append(BASE32.charAt((hash[i] & 0xff) % 32));
        }
        return out.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
