package com.lambdarelease.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads the error a Lambda runtime reported out of one log event
 * (https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html): Python's
 * {@code [ERROR] Type: message} (then a traceback), Node's {@code <ts>\t<id>\tERROR\tInvoke Error \t{json}},
 * the JSON {@code {"errorMessage","errorType"}} Java and custom runtimes write, and a REPORT ending
 * {@code Status: timeout}. Anything else (START, END, REPORT, the LAMBDA_WARNING companion line,
 * the function's own output) is not an error.
 */
public final class ErrorLines {

    /**
     * A CloudWatch filter pattern for the lines {@link #error} reads (any of them): FilterLogEvents
     * sends only errors, so grouping a canary's errors over hours costs few events. One pattern of
     * {@code ?term} alternatives, each quoted as it holds characters other than letters and digits
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html: case
     * sensitive, "?" for either term, exact phrases in double quotes). A JSON {@code { ... }} pattern
     * cannot be OR'ed with text terms, and needs none: the JSON error lines hold the text
     * {@code "errorType"}, so the phrase {@code errorType} matches them. Every line {@link #error}
     * reads contains one of the four terms; a line the pattern matches that is no error (a function
     * printing "errorType") is dropped by {@link #error} after the read.
     */
    public static final String FILTER_PATTERN = "?\"[ERROR]\" ?\"Invoke Error\" ?\"errorType\" ?\"Status: timeout\"";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVOKE_ERROR = "\tERROR\tInvoke Error \t";

    private ErrorLines() {
    }

    /** A reported error's type and message, as the runtime wrote them. */
    public record RuntimeError(String type, String message) {
    }

    public static Optional<RuntimeError> error(String message) {
        if (message.startsWith("[ERROR] ")) {
            String first = message.substring("[ERROR] ".length()).lines().findFirst().orElse("");
            return Optional.of(split(first));
        }
        int node = message.indexOf(INVOKE_ERROR);
        if (node >= 0) {
            return json(message.substring(node + INVOKE_ERROR.length()))
                    .or(() -> Optional.of(new RuntimeError("Invoke Error", message.substring(node + INVOKE_ERROR.length()))));
        }
        if (message.startsWith("{") && message.contains("\"errorType\"")) {
            return json(message);
        }
        if (message.startsWith("REPORT ") && message.contains("Status: timeout")) {
            return Optional.of(new RuntimeError("Timeout", "the run reached its timeout"));
        }
        return Optional.empty();
    }

    private static RuntimeError split(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? new RuntimeError(line.trim(), "") : new RuntimeError(line.substring(0, colon), line.substring(colon + 2));
    }

    private static Optional<RuntimeError> json(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject() || !n.has("errorType")) {
                return Optional.empty();
            }
            return Optional.of(new RuntimeError(n.path("errorType").asText(), n.path("errorMessage").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
