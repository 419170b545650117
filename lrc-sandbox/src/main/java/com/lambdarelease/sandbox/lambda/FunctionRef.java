package com.lambdarelease.sandbox.lambda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function as a request names it: a plain name, a partial ARN ({@code 123456789012:function:name})
 * or a full ARN, each optionally ending in {@code :qualifier}, plus the {@code Qualifier} query
 * parameter. Parsing validates both the way AWS does.
 *
 * @param name      the bare function name
 * @param qualifier a version number, {@code $LATEST} or an alias name, when one was given
 */
record FunctionRef(String name, Optional<String> qualifier) {

    static final String LATEST = "$LATEST";
    private static final Pattern FUNCTION = Pattern.compile(Violations.FUNCTION_NAME_PATTERN);
    private static final String QUALIFIER_MISMATCH =
            "The derived qualifier from the function name does not match the specified qualifier.";

    /** Parses the path's function name and the optional Qualifier query parameter. */
    static FunctionRef parse(String raw, Optional<String> queryQualifier, Arns scope) {
        Optional<String> fromQuery = queryQualifier.filter(q -> !q.isEmpty());
        Violations violations = new Violations()
                .pattern(raw, "functionName", FUNCTION, Violations.FUNCTION_NAME_PATTERN)
                .length(raw, "functionName", 1, 170);
        fromQuery.ifPresent(violations::qualifier);
        Matcher m = FUNCTION.matcher(raw);
        boolean matched = m.matches();
        if (matched && m.group(7).length() > 64) {
            violations.add(Violations.quote(raw), "functionName", "Member must have length less than or equal to 64");
        }
        violations.throwIfAny();
        String name = m.group(7);
        String region = m.group(3);
        String account = m.group(5);
        if ((region != null && !region.equals(scope.region() + ":"))
                || (account != null && !account.equals(scope.account() + ":"))) {
            throw LambdaError.functionNotFound(raw);
        }
        Optional<String> fromName = Optional.ofNullable(m.group(9));
        if (fromName.isPresent() && fromQuery.isPresent() && !fromName.equals(fromQuery)) {
            throw LambdaError.invalidParameter(QUALIFIER_MISMATCH);
        }
        return new FunctionRef(name, fromName.or(() -> fromQuery));
    }

    /** The unqualified form, for operations that ignore qualifiers (aliases, versions). */
    static FunctionRef parse(String raw, Arns scope) {
        return parse(raw, Optional.empty(), scope);
    }

    String arn(Arns scope) {
        return qualifier.map(q -> scope.function(name, q)).orElseGet(() -> scope.function(name));
    }
}
