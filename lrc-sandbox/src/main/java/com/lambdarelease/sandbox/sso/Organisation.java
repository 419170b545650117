package com.lambdarelease.sandbox.sso;

import java.util.List;
import java.util.Optional;

/**
 * The accounts and roles the sandbox's Identity Center hands out: twelve accounts of a made-up
 * company, each with two or three permission sets. The first is the sandbox's demo account
 * (123456789012), so signing in and picking it shows the guide's functions; every other account has
 * functions of its own in us-east-1 (see the Lambda seeding), so switching account changes place.
 */
public record Organisation(List<Account> accounts) {

    /** One AWS account of the organisation and the roles (permission sets) the signed-in user has there. */
    public record Account(String accountId, String accountName, String emailAddress, List<String> roles) {
        public Account {
            roles = List.copyOf(roles);
        }
    }

    public Organisation {
        accounts = List.copyOf(accounts);
    }

    /** The seeded organisation: 12 accounts, 2-3 roles each. */
    public static Organisation seeded() {
        return new Organisation(List.of(
                account("123456789012", "sandbox-demo", "AdministratorAccess", "ReadOnlyAccess", "ReleaseManager"),
                account("210987654321", "payments-prod", "ReadOnlyAccess", "ReleaseManager"),
                account("210987654322", "payments-staging", "AdministratorAccess", "ReleaseManager"),
                account("310987654321", "orders-prod", "ReadOnlyAccess", "ReleaseManager", "PowerUserAccess"),
                account("310987654322", "orders-staging", "AdministratorAccess", "ReleaseManager"),
                account("410987654321", "search-prod", "ReadOnlyAccess", "ReleaseManager"),
                account("410987654322", "search-dev", "AdministratorAccess", "PowerUserAccess"),
                account("510987654321", "identity-prod", "ReadOnlyAccess", "ReleaseManager"),
                account("610987654321", "data-platform", "ReadOnlyAccess", "PowerUserAccess", "ReleaseManager"),
                account("710987654321", "shared-services", "AdministratorAccess", "ReadOnlyAccess"),
                account("810987654321", "security-audit", "ReadOnlyAccess", "SecurityAudit"),
                account("910987654321", "sandbox-playground", "AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess")));
    }

    private static Account account(String id, String name, String... roles) {
        return new Account(id, name, "aws+" + name + "@example.com", List.of(roles));
    }

    public Optional<Account> account(String accountId) {
        return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst();
    }
}
