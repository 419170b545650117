package com.lambdarelease.domain;

import java.util.regex.Pattern;

/**
 * AWS Lambda's naming rules for functions, aliases and versions
 * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html and API_CreateFunction.html).
 */
public final class AwsNames {

    public static final String LATEST = "$LATEST";

    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "(arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]{1,64})(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final Pattern ALIAS_NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    private static final Pattern VERSION = Pattern.compile("[0-9]+");

    private AwsNames() {
    }

    public static boolean isFunctionName(String s) {
        return s != null && (FUNCTION_NAME.matcher(s).matches() || FUNCTION_ARN.matcher(s).matches());
    }

    public static boolean isAliasName(String s) {
        return s != null && !s.isEmpty() && s.length() <= 128 && ALIAS_NAME.matcher(s).matches();
    }

    /** A published version number (not {@code $LATEST}). */
    public static boolean isPublishedVersion(String s) {
        return s != null && VERSION.matcher(s).matches() && s.length() <= 1024;
    }

    public static boolean isVersion(String s) {
        return LATEST.equals(s) || isPublishedVersion(s);
    }

    public static String requireFunctionName(String s) {
        if (!isFunctionName(s)) {
            throw new InvalidInputException("Function name '" + s + "' is not valid: use 1-64 letters, digits, "
                    + "hyphens or underscores, or a function ARN.");
        }
        return s;
    }

    public static String requireAliasName(String s) {
        if (!isAliasName(s)) {
            throw new InvalidInputException("Alias name '" + s + "' is not valid: use 1-128 letters, digits, hyphens "
                    + "or underscores, not only digits (AWS pattern (?!^[0-9]+$)([a-zA-Z0-9-_]+)).");
        }
        return s;
    }

    public static String requireVersion(String s) {
        if (!isVersion(s)) {
            throw new InvalidInputException("Version '" + s + "' is not valid: a version is a number or $LATEST.");
        }
        return s;
    }
}
