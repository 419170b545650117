package com.lambdarelease.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A function's tags as GetFunction answers them, with the ARN TagResource and UntagResource take
 * (https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-tags.html).
 */
public record FunctionTags(String functionArn, Map<String, String> tags) {

    /** Set by CloudFormation on the resources a stack creates (CloudFormation user guide, "Resource tag"). */
    public static final String STACK_NAME = "aws:cloudformation:stack-name";

    public FunctionTags {
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** The CloudFormation (or SAM) stack that created the function, if one did. */
    public Optional<String> stack() {
        return Optional.ofNullable(tags.get(STACK_NAME)).filter(s -> !s.isBlank());
    }
}
