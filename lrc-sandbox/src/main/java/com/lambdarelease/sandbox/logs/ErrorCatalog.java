package com.lambdarelease.sandbox.logs;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The errors a failing run reports, as {@code Type: message}: a small realistic set per demo
 * function (else per runtime), so grouping by message has something to group. A version's
 * environment can choose its own with {@code SANDBOX_ERROR_MESSAGES} (messages separated by
 * {@code |}). {@code {n}} becomes a number and {@code {id}} an id, different on every run, as real
 * messages carry order numbers and ids.
 */
final class ErrorCatalog {

    static final String ERROR_MESSAGES = "SANDBOX_ERROR_MESSAGES";

    private static final Map<String, List<String>> BY_FUNCTION = Map.of(
            "MyLambdaFunction", List.of(
                    "KeyError: 'customer_id'",
                    "TimeoutError: Connection to orders-db.internal:5432 timed out after {n} ms",
                    "ClientError: An error occurred (ProvisionedThroughputExceededException) when calling the PutItem "
                            + "operation: The level of configured provisioned throughput for the table was exceeded."),
            "orders-api", List.of(
                    "TypeError: Cannot read properties of undefined (reading 'items')",
                    "Error: connect ETIMEDOUT 10.0.{n}.17:443",
                    "ValidationError: order ord-{id} has no line items"),
            "image-resizer", List.of(
                    "UnidentifiedImageError: cannot identify image file <_io.BytesIO object at 0x7f{id}>",
                    "DecompressionBombError: Image size ({n} pixels) exceeds limit of 178956970 pixels, could be "
                            + "decompression bomb DOS attack."),
            "payments-webhook", List.of(
                    "java.lang.IllegalStateException: Signature check failed for event evt_{id}",
                    "software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: Read timed out"),
            "nightly-report", List.of(
                    "errorString: report query exceeded {n} rows"));

    private static final Map<String, List<String>> BY_RUNTIME = Map.of(
            "python", List.of("KeyError: 'id'", "ValueError: invalid literal for int() with base 10: '{id}'"),
            "nodejs", List.of("TypeError: Cannot read properties of undefined (reading 'id')",
                    "Error: Request {id} failed with status code 502"),
            "java", List.of("java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"id\" is null"),
            "other", List.of("errorString: request {id} failed after {n} ms"));

    private ErrorCatalog() {
    }

    /** One error for a failing run of a version with {@code environment}, placeholders filled. */
    static Failure pick(String functionName, String runtime, Map<String, String> environment, RandomGenerator random) {
        List<String> choices = choices(functionName, runtime, environment);
        // The first message is the most common, as in real incidents: weights 1, 1/2, 1/3, ...
        double total = 0;
        for (int i = 0; i < choices.size(); i++) {
            total += 1.0 / (i + 1);
        }
        double u = random.nextDouble() * total;
        int chosen = 0;
        for (int i = 0; i < choices.size(); i++) {
            u -= 1.0 / (i + 1);
            if (u < 0) {
                chosen = i;
                break;
            }
        }
        String text = fill(choices.get(chosen), random);
        int colon = text.indexOf(": ");
        return colon < 0 ? new Failure("Error", text) : new Failure(text.substring(0, colon), text.substring(colon + 2));
    }

    private static List<String> choices(String functionName, String runtime, Map<String, String> environment) {
        String own = environment.get(ERROR_MESSAGES);
        if (own != null && !own.isBlank()) {
            List<String> listed = java.util.Arrays.stream(own.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (!listed.isEmpty()) {
                return listed;
            }
        }
        List<String> forFunction = BY_FUNCTION.get(functionName);
        return forFunction != null ? forFunction : BY_RUNTIME.get(family(runtime));
    }

    static String family(String runtime) {
        return runtime.startsWith("python") ? "python" : runtime.startsWith("nodejs") ? "nodejs"
                : runtime.startsWith("java") ? "java" : "other";
    }

    private static String fill(String template, RandomGenerator random) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{n}", i)) {
                out.append(100 + random.nextInt(9900));
                i += 3;
            } else if (template.startsWith("{id}", i)) {
                out.append(String.format("%08x", random.nextInt() & 0xffffffffL));
                i += 4;
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    /** An error's type and message, as the runtime reports them. */
    record Failure(String type, String message) {
    }
}
