package com.lambdarelease.sandbox.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The temporary access keys the sandbox's Identity Center portal handed out (GetRoleCredentials),
 * with the account, role and user each was issued to, so STS and CloudTrail can name the caller.
 * Bounded: only the newest {@link #DEFAULT_CAPACITY} keys are remembered, in memory only; an older
 * key (or one from before a restart) is one the sandbox did not issue, as far as STS can tell.
 */
public final class IssuedKeys {

    public static final int DEFAULT_CAPACITY = 10_000;

    /** One key's grant: the account, the permission set (role) and the signed-in user. */
    public record Grant(String account, String roleName, String userName) {
    }

    private final Map<String, Grant> keys;

    public IssuedKeys() {
        this(DEFAULT_CAPACITY);
    }

    public IssuedKeys(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.keys = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Grant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers that {@code accessKeyId} was issued for {@code grant}. */
    public synchronized void remember(String accessKeyId, Grant grant) {
        keys.put(accessKeyId, grant);
    }

    /** What {@code accessKeyId} was issued for; empty when the sandbox did not issue it or has forgotten it. */
    public synchronized Optional<Grant> grant(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId));
    }
}
