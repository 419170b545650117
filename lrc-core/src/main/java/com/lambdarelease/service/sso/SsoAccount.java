package com.lambdarelease.service.sso;

/** An AWS account the signed-in user can reach through Identity Center. */
public record SsoAccount(String accountId, String accountName, String emailAddress) {

    /** What the picker shows and searches: name and id. */
    public String label() {
        return accountName + " (" + accountId + ")";
    }
}
