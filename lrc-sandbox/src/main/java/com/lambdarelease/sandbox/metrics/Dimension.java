package com.lambdarelease.sandbox.metrics;

import java.util.Objects;

/** One CloudWatch dimension, e.g. {@code FunctionName=MyLambdaFunction}. */
public record Dimension(String name, String value) implements Comparable<Dimension> {

    public Dimension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(Dimension other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : value.compareTo(other.value);
    }
}
