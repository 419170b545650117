package com.lambdarelease.sandbox.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;

import java.util.Map;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every weighted-alias rule and error text
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html,
 * and AWS's recorded answers), on the seeded MyLambdaFunction (prod → 3).
 */
class WeightedAliasRulesTest {

    private static final String FN = "MyLambdaFunction";
    private final LambdaSandboxFixture sandbox = new LambdaSandboxFixture();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private GetAliasResponse prod() {
        return sandbox.lambda.getAlias(GetAliasRequest.builder().functionName(FN).name("prod").build());
    }

    private void route(String primary, Map<String, Double> weights) {
        sandbox.lambda.updateAlias(UpdateAliasRequest.builder().functionName(FN).name("prod").functionVersion(primary)
                .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(weights).build()).build());
    }

    /** Asserts that prod still points at 3 with no split and the same revision: a refused request changed nothing. */
    private void assertProdUnchanged(GetAliasResponse before) {
        GetAliasResponse after = prod();
        assertThat(after.functionVersion()).isEqualTo("3");
        assertThat(after.routingConfig()).isNull();
        assertThat(after.revisionId()).isEqualTo(before.revisionId());
    }

    @Test
    void givenProdOnThree_whenTenPercentGoesToFour_thenTheSplitIsStoredWithANewRevision() {
        GetAliasResponse before = prod();

        route("3", Map.of("4", 0.1));

        GetAliasResponse after = prod();
        assertThat(after.functionVersion()).isEqualTo("3");
        assertThat(after.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.1));
        assertThat(after.revisionId()).isNotEqualTo(before.revisionId());
    }

    @Test
    void whenTwoAdditionalVersionsAreGiven_thenInvalidParameterValue() {
        GetAliasResponse before = prod();
        assertAwsError(() -> route("3", Map.of("4", 0.1, "2", 0.1)), 400, "InvalidParameterValueException",
                "Number of items in AdditionalVersionWeights cannot be greater than 1");
        assertProdUnchanged(before);
    }

    @Test
    void whenTheAdditionalVersionIsThePrimary_thenInvalidParameterValue() {
        GetAliasResponse before = prod();
        assertAwsError(() -> route("3", Map.of("3", 0.1)), 400, "InvalidParameterValueException",
                "Invalid function version 3. Function version 3 is already included in routing configuration.");
        assertProdUnchanged(before);
    }

    @Test
    void whenThePrimaryIsLatestWithRouting_thenInvalidParameterValue() {
        GetAliasResponse before = prod();
        assertAwsError(() -> route("$LATEST", Map.of("4", 0.1)), 400, "InvalidParameterValueException",
                "$LATEST is not supported for an alias pointing to more than 1 version");
        assertProdUnchanged(before);
    }

    @Test
    void whenAWeightIsAboveOne_thenValidationException() {
        GetAliasResponse before = prod();
        assertAwsError(() -> route("3", Map.of("4", 1.5)), 400, "ValidationException",
                "1 validation error detected: Value '{4=1.5}' at 'routingConfig.additionalVersionWeights' failed to "
                        + "satisfy constraint: Map value must satisfy constraint: [Member must have value less than or "
                        + "equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]");
        assertProdUnchanged(before);
    }

    @Test
    void whenAWeightIsNegative_thenValidationException() {
        assertAwsError(() -> route("3", Map.of("4", -0.1)), 400, "ValidationException",
                "1 validation error detected: Value '{4=-0.1}' at 'routingConfig.additionalVersionWeights' failed to "
                        + "satisfy constraint: Map value must satisfy constraint: [Member must have value less than or "
                        + "equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]");
    }

    @Test
    void whenAWeightKeyIsNotANumber_thenValidationException() {
        GetAliasResponse before = prod();
        assertAwsError(() -> route("3", Map.of("four", 0.1)), 400, "ValidationException",
                "1 validation error detected: Value '{four=0.1}' at 'routingConfig.additionalVersionWeights' failed to "
                        + "satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or "
                        + "equal to 1024, Member must have length greater than or equal to 1, Member must satisfy "
                        + "regular expression pattern: [0-9]+, Member must not be null]");
        assertProdUnchanged(before);
    }

    @Test
    void whenTheAdditionalVersionDoesNotExist_thenResourceNotFound() {
        GetAliasResponse before = prod();
        assertAwsError(() -> route("3", Map.of("99", 0.1)), 404, "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:99");
        assertAwsError(() -> route("42", Map.of()), 404, "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:42");
        assertProdUnchanged(before);
    }

    @Test
    void whenTheAliasDoesNotExist_thenResourceNotFoundNamingItsArn() {
        assertAwsError(() -> sandbox.lambda.getAlias(b -> b.functionName(FN).name("nope")), 404,
                "ResourceNotFoundException",
                "Cannot find alias arn: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:nope");
        assertAwsError(() -> sandbox.lambda.updateAlias(b -> b.functionName(FN).name("nope").functionVersion("3")),
                404, "ResourceNotFoundException",
                "Cannot find alias arn: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:nope");
        assertAwsError(() -> sandbox.lambda.deleteAlias(b -> b.functionName(FN).name("nope")), 404,
                "ResourceNotFoundException",
                "Cannot find alias arn: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:nope");
    }

    @Test
    void whenTheAliasAlreadyExists_thenConflictNamingItsArn() {
        assertAwsError(() -> sandbox.lambda.createAlias(b -> b.functionName(FN).name("prod").functionVersion("4")),
                409, "ResourceConflictException",
                "Alias already exists: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:prod");
        assertThat(prod().functionVersion()).isEqualTo("3");
    }

    @Test
    void whenTheRevisionIdIsStale_thenPreconditionFailed() {
        GetAliasResponse before = prod();
        route("3", Map.of("4", 0.1));
        assertAwsError(() -> sandbox.lambda.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("2")
                        .revisionId(before.revisionId())), 412, "PreconditionFailedException",
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to "
                        + "retrieve the latest Revision Id");
        assertThat(prod().functionVersion()).isEqualTo("3");
    }

    @Test
    void givenVersionsWithDifferentRoles_whenSplittingBetweenThem_thenRefused() {
        // image-resizer version 5 was deliberately seeded with another role than 1-4 (prod → 4).
        assertAwsError(() -> sandbox.lambda.updateAlias(b -> b.functionName("image-resizer").name("prod")
                        .routingConfig(r -> r.additionalVersionWeights(Map.of("5", 0.1)))), 400,
                "InvalidParameterValueException",
                "Function versions in a routing configuration must have the same execution role. Version 4 has role "
                        + "arn:aws:iam::123456789012:role/image-resizer-role and version 5 has role "
                        + "arn:aws:iam::123456789012:role/image-resizer-role-v2.");
    }

    @Test
    void givenVersionsWithDifferentDeadLetterQueues_whenSplittingBetweenThem_thenRefused() {
        // payments-webhook version 1 has no dead-letter queue; versions 2 and 3 have one.
        assertAwsError(() -> sandbox.lambda.updateAlias(b -> b.functionName("payments-webhook").name("live")
                        .functionVersion("1").routingConfig(r -> r.additionalVersionWeights(Map.of("3", 0.1)))), 400,
                "InvalidParameterValueException",
                "Function versions in a routing configuration must have the same dead-letter queue configuration. "
                        + "Version 1 has none and version 3 has arn:aws:sqs:us-east-1:123456789012:payments-webhook-dlq.");
        assertThat(sandbox.lambda.getAlias(b -> b.functionName("payments-webhook").name("live")).functionVersion())
                .isEqualTo("3");
    }

    @Test
    void givenACanary_whenPromotedWithoutClearingTheRouting_thenRefusedLikeAws_andWithAnEmptyMapItSucceeds() {
        route("3", Map.of("4", 0.1));

        assertAwsError(() -> sandbox.lambda.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("4")),
                400, "InvalidParameterValueException",
                "Invalid function version 4. Function version 4 is already included in routing configuration.");
        route("4", Map.of());

        assertThat(prod().functionVersion()).isEqualTo("4");
        assertThat(prod().routingConfig()).isNull();
    }

    @Test
    void whenAnAliasNameIsAllDigitsOrTooLong_thenValidationException() {
        assertAwsError(() -> sandbox.lambda.createAlias(b -> b.functionName(FN).name("123").functionVersion("3")),
                400, "ValidationException", "1 validation error detected: Value '123' at 'name' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        String longName = "a".repeat(129);
        assertAwsError(() -> sandbox.lambda.createAlias(b -> b.functionName(FN).name(longName).functionVersion("3")),
                400, "ValidationException", "1 validation error detected: Value '" + longName + "' at 'name' failed "
                        + "to satisfy constraint: Member must have length less than or equal to 128");
    }

    @Test
    void whenTheFunctionVersionIsNotAVersion_thenValidationException() {
        assertAwsError(() -> sandbox.lambda.createAlias(b -> b.functionName(FN).name("x").functionVersion("v3")),
                400, "ValidationException", "1 validation error detected: Value 'v3' at 'functionVersion' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)");
    }
}
