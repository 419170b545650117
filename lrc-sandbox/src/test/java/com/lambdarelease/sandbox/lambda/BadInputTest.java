package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-built requests the SDK would never send: each is answered with an AWS-shaped 4xx (never a
 * 500, never a stack trace) and leaves the state exactly as it was.
 */
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROD = "/2015-03-31/functions/MyLambdaFunction/aliases/prod";
    private static final String LATEST = "/2015-03-31/functions/MyLambdaFunction/configuration";
    private final LambdaSandboxFixture sandbox = new LambdaSandboxFixture();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String state() {
        return sandbox.raw("GET", PROD, null).body() + sandbox.raw("GET", LATEST, null).body()
                + sandbox.raw("GET", "/2015-03-31/functions/MyLambdaFunction/versions", null).body()
                + sandbox.raw("GET", "/2015-03-31/functions/", null).body();
    }

    private static JsonNode assertAwsShaped(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains(type);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(r.body()).doesNotContain("at com.").doesNotContain("Exception:");
        return body;
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @CsvSource(delimiter = '|', value = {
            "PUT | " + PROD + " | {\"FunctionVersion\": \"4\"",
            "PUT | " + PROD + " | [1,2]",
            "PUT | " + PROD + " | {\"FunctionVersion\": 4}",
            "PUT | " + PROD + " | {\"FunctionVersion\": \"4\", \"RoutingConfig\": \"half\"}",
            "PUT | " + PROD + " | {\"RoutingConfig\": {\"AdditionalVersionWeights\": {\"4\": \"lots\"}}}",
            "PUT | " + PROD + " | {\"RoutingConfig\": {\"AdditionalVersionWeights\": [0.1]}}",
            "PUT | " + PROD + " | {\"FunctionVersion\": \"4\"} trailing",
            "PUT | " + PROD + " | {\"FunctionVersion\": \"4\", \"FunctionVersion\": \"2\"}",
            "PUT | " + LATEST + " | {\"MemorySize\": \"big\"}",
            "PUT | " + LATEST + " | {\"Timeout\": 2.5}",
            "PUT | " + LATEST + " | {\"Environment\": {\"Variables\": {\"A\": 1}}}",
            "PUT | " + LATEST + " | {\"Layers\": \"arn\"}",
            "PUT | /2015-03-31/functions/MyLambdaFunction/code | {\"ZipFile\": \"***not base64***\"}",
            "POST | /2015-03-31/functions/MyLambdaFunction/versions | {\"Description\": true}",
            "POST | /2015-03-31/functions/MyLambdaFunction/aliases | not json at all",
            "POST | /2015-03-31/functions | {\"FunctionName\": \"x\", \"Code\": 5}",
    })
    void whenTheBodyIsMalformedOrMistyped_thenInvalidRequestContent_andNothingChanges(String method, String path,
                                                                                         String body) throws Exception {
        String before = state();

        JsonNode error = assertAwsShaped(sandbox.raw(method, path, body), 400, "InvalidRequestContentException");

        assertThat(error.path("message").asText()).startsWith("Could not parse request body into json: ");
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @CsvSource(delimiter = '|', value = {
            "PUT | " + LATEST + " | {\"MemorySize\": 64} | 1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
            "PUT | " + LATEST + " | {\"Timeout\": 0, \"MemorySize\": 20000} | 2 validation errors detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1; Value '20000' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
            "PUT | " + LATEST + " | {\"Role\": \"admin\"} | 1 validation error detected: Value 'admin' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: " + ConfigChanges.ROLE_PATTERN,
            "POST | /2015-03-31/functions/MyLambdaFunction/aliases | {\"Name\": \"x\"} | 1 validation error detected: Value null at 'functionVersion' failed to satisfy constraint: Member must not be null",
            "GET | /2015-03-31/functions/?MaxItems=0 | | 1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
            "GET | /2015-03-31/functions/?MaxItems=10001 | | 1 validation error detected: Value '10001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000",
            "GET | /2015-03-31/functions/MyLambdaFunction/aliases/9 | | 1 validation error detected: Value '9' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)",
    })
    void whenAValueBreaksAConstraint_thenValidationExceptionInAwsWords_andNothingChanges(String method, String path,
                                                                                        String body, String message)
            throws Exception {
        String before = state();

        JsonNode error = assertAwsShaped(sandbox.raw(method, path, body), 400, "ValidationException");

        assertThat(error.path("message").asText()).isEqualTo(message);
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET | /2015-03-31/functions/MyLambdaFunction/nonsense",
            "PATCH | /2015-03-31/functions/MyLambdaFunction",
            "DELETE | /2015-03-31/functions/MyLambdaFunction/versions",
            "POST | /2015-03-31/functions/MyLambdaFunction/aliases/prod",
            "GET | /2015-03-31/functions/MyLambdaFunction/aliases/prod/extra",
            "GET | /2015-03-31/layers",
            "PUT | /2015-03-31/functions/",
    })
    void whenThePathOrMethodIsUnknown_then404UnknownOperation(String method, String path) throws Exception {
        String before = state();
        assertAwsShaped(sandbox.raw(method, path, "{}"), 404, "UnknownOperationException");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void whenTheFunctionNameHasABrokenEscape_thenValidationNotA500() {
        // java.net.URI refuses to send this, so it goes straight to the handler
        LambdaBackend backend = new LambdaBackend(com.lambdarelease.sandbox.SandboxOptions.forTests(),
                sandbox.clock, i -> { }, new java.util.SplittableRandom(1));
        var response = backend.handle(new com.lambdarelease.sandbox.http.SandboxRequest("GET",
                "/2015-03-31/functions/My%ZZfn", java.util.Map.of(), java.util.Map.of(), null));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "ValidationException");
    }

    @Test
    void whenTheInvocationTypeIsUnknown_thenValidationException() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.sandbox.endpoint() + "/2015-03-31/functions/MyLambdaFunction/invocations"))
                .header("X-Amz-Invocation-Type", "Sometimes")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        var r = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode error = assertAwsShaped(r, 400, "ValidationException");
        assertThat(error.path("message").asText()).isEqualTo("1 validation error detected: Value 'Sometimes' at "
                + "'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[Event, RequestResponse, DryRun]");
    }
}
