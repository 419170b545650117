package com.lambdarelease.sandbox.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity rule on its own: keys the portal issued name their user until the portal has issued its
 * bound of newer keys; other keys name a root or an IAM user whatever was issued.
 */
class CallersTest {

    @Test
    void anIssuedKeyIsForgottenOnceTheBoundOfNewerKeysWasIssued() {
        IssuedKeys issued = new IssuedKeys(2);
        Callers callers = new Callers(issued);
        issued.remember("ASIAAAAAAAAAAAAAAAAA", new IssuedKeys.Grant("310987654321", "ReadOnlyAccess", "carol"));
        assertThat(callers.of("ASIAAAAAAAAAAAAAAAAA")).map(Caller::userName).contains("carol");
        issued.remember("ASIABBBBBBBBBBBBBBBB", new IssuedKeys.Grant("310987654321", "ReadOnlyAccess", "carol"));
        issued.remember("ASIACCCCCCCCCCCCCCCC", new IssuedKeys.Grant("310987654321", "ReadOnlyAccess", "carol"));
        assertThat(callers.of("ASIAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(callers.of("ASIACCCCCCCCCCCCCCCC")).map(Caller::arn).hasValueSatisfying(arn -> assertThat(arn)
                .matches("arn:aws:sts::310987654321:assumed-role/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}/carol"));
    }

    @Test
    void theReservedRoleDependsOnTheAccountAndThePermissionSet() {
        assertThat(Callers.ssoRole("310987654321", "ReadOnlyAccess").name())
                .isEqualTo(Callers.ssoRole("310987654321", "ReadOnlyAccess").name())
                .isNotEqualTo(Callers.ssoRole("410987654322", "ReadOnlyAccess").name())
                .isNotEqualTo(Callers.ssoRole("310987654321", "PowerUserAccess").name());
        assertThat(Callers.ssoRole("310987654321", "ReadOnlyAccess").roleId()).matches("AROA[A-Z2-7]{17}");
    }

    @Test
    void rootAndIamUserKeysNeedNothingIssued() {
        Callers callers = new Callers(new IssuedKeys());
        assertThat(callers.of("210987654321")).map(Caller::type).contains(Caller.ROOT);
        assertThat(callers.of("other")).map(Caller::arn).contains("arn:aws:iam::123456789012:user/other");
        assertThat(callers.of("other").orElseThrow().principalId()).isNotEqualTo(callers.of("sandbox").orElseThrow().principalId());
    }
}
