package com.lambdarelease.sandbox.sso;

import java.time.Duration;

/**
 * How the sandbox's Identity Center behaves.
 *
 * @param organisation        the accounts and roles it hands out
 * @param tokenLifetime       how long an access token lives (sandbox time); AWS's default session is 1 hour to 12 hours
 * @param credentialLifetime  how long GetRoleCredentials' credentials live (sandbox time)
 * @param registrationLifetime how long a registered client's secret lives (AWS: 90 days)
 * @param autoApprove         true approves every sign-in by itself (the device code on its second poll, the
 *                            authorization code at once); false waits for {@link IdentityCenter#approve} or the
 *                            Allow button of the /authorize page
 * @param pollInterval        seconds a device-code client must wait between polls (faster polls get slow_down)
 * @param portalRatePerSecond portal requests answered per second (wall time) before 429 TooManyRequestsException
 * @param pageSize            accounts or roles per page when the client asks for no max_result
 * @param userName            who signs in: the role session name of every credential the portal hands out (AWS
 *                            uses the Identity Center user's name, often an email address)
 */
public record SsoSettings(Organisation organisation, Duration tokenLifetime, Duration credentialLifetime,
                          Duration registrationLifetime, boolean autoApprove, int pollInterval,
                          double portalRatePerSecond, int pageSize, String userName) {

    /** The user every sign-in is, unless told otherwise. */
    public static final String DEFAULT_USER = "alice@example.com";

    public SsoSettings {
        if (userName == null || userName.isBlank() || userName.length() > 64) {
            // A role session name is 2-64 characters (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
            throw new IllegalArgumentException("userName must be 1-64 characters");
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || credentialLifetime.isNegative()
                || credentialLifetime.isZero() || registrationLifetime.isNegative() || registrationLifetime.isZero()) {
            throw new IllegalArgumentException("lifetimes must be > 0");
        }
        if (pollInterval < 1 || !(portalRatePerSecond > 0) || pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pollInterval >= 1, portalRatePerSecond > 0, pageSize 1-100");
        }
    }

    /** Settings signed in as {@link #DEFAULT_USER}. */
    public SsoSettings(Organisation organisation, Duration tokenLifetime, Duration credentialLifetime,
                       Duration registrationLifetime, boolean autoApprove, int pollInterval,
                       double portalRatePerSecond, int pageSize) {
        this(organisation, tokenLifetime, credentialLifetime, registrationLifetime, autoApprove, pollInterval,
                portalRatePerSecond, pageSize, DEFAULT_USER);
    }

    public SsoSettings withUserName(String name) {
        return new SsoSettings(organisation, tokenLifetime, credentialLifetime, registrationLifetime, autoApprove,
                pollInterval, portalRatePerSecond, pageSize, name);
    }

    public static SsoSettings defaults() {
        return new SsoSettings(Organisation.seeded(), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(90),
                true, 1, 20, 10);
    }

    public SsoSettings withTokenLifetime(Duration d) {
        return new SsoSettings(organisation, d, credentialLifetime, registrationLifetime, autoApprove, pollInterval,
                portalRatePerSecond, pageSize, userName);
    }

    public SsoSettings withCredentialLifetime(Duration d) {
        return new SsoSettings(organisation, tokenLifetime, d, registrationLifetime, autoApprove, pollInterval,
                portalRatePerSecond, pageSize, userName);
    }

    public SsoSettings withAutoApprove(boolean b) {
        return new SsoSettings(organisation, tokenLifetime, credentialLifetime, registrationLifetime, b, pollInterval,
                portalRatePerSecond, pageSize, userName);
    }

    public SsoSettings withPortalRate(double perSecond) {
        return new SsoSettings(organisation, tokenLifetime, credentialLifetime, registrationLifetime, autoApprove,
                pollInterval, perSecond, pageSize, userName);
    }
}
