package com.lambdarelease.sandbox.logs;

import org.junit.jupiter.api.Test;

import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON comparisons Lambda's own lines never exercise: numbers, IS, nesting; and refusals. */
class FilterPatternTest {

    private static final String EVENT = "{\"level\":\"WARN\",\"ms\":182.5,\"http\":{\"status\":503},\"tags\":[\"a\",\"b\"],"
            + "\"retry\":true,\"user\":null}";

    private static boolean matches(String pattern) {
        Predicate<String> p = FilterPattern.parse(pattern);
        return p.test(EVENT);
    }

    @Test
    void numbersCompareAsNumbers() {
        assertThat(matches("{ $.ms > 100 }")).isTrue();
        assertThat(matches("{ $.ms >= 182.5 && $.ms <= 182.5 }")).isTrue();
        assertThat(matches("{ $.ms < 100 }")).isFalse();
        assertThat(matches("{ $.http.status = 503 }")).isTrue();
        assertThat(matches("{ $.http.status != 503 }")).isFalse();
    }

    @Test
    void stringsWildcardsArraysAndIs() {
        assertThat(matches("{ $.level = \"WA*\" }")).isTrue();
        assertThat(matches("{ $.level = WARN }")).isTrue();
        assertThat(matches("{ $.tags[1] = \"b\" }")).isTrue();
        assertThat(matches("{ $.retry IS TRUE && $.user IS NULL }")).isTrue();
        assertThat(matches("{ $.missing NOT EXISTS }")).isTrue();
        assertThat(matches("{ ($.level = \"ERROR\" || $.ms > 150) && $.http.status = 503 }")).isTrue();
        assertThat(FilterPattern.parse("{ $.level = \"WARN\" }").test("WARN not json")).isFalse();
    }

    /**
     * Quoted alternatives, as the CDK's {@code FilterPattern.anyTerm} writes them
     * (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_logs.FilterPattern.html): any one
     * exact phrase matches, case-sensitive, the quotes letting a term hold brackets, spaces and colons
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
     */
    @Test
    void quotedAlternativesMatchAnyOneExactPhrase() {
        Predicate<String> errors = FilterPattern.parse("?\"[ERROR]\" ?\"Invoke Error\" ?\"errorType\" ?\"Status: timeout\"");

        assertThat(errors.test("[ERROR] KeyError: 'customer_id'\nTraceback (most recent call last):")).isTrue();
        assertThat(errors.test("2026-12-01T10:00:00.000Z\tid\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\"}")).isTrue();
        assertThat(errors.test("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}")).isTrue();
        assertThat(errors.test("REPORT RequestId: id\tDuration: 3000.00 ms\tStatus: timeout")).isTrue();
        assertThat(errors.test("START RequestId: id Version: 3")).isFalse();
        assertThat(errors.test("REPORT RequestId: id\tDuration: 12.00 ms\tBilled Duration: 13 ms")).isFalse();
        assertThat(errors.test("[error] lower case is another phrase")).isFalse();
        assertThat(errors.test("Invoke  Error (two spaces)")).isFalse();
    }

    @Test
    void unreadablePatternsAreRefused() {
        assertThatThrownBy(() -> FilterPattern.parse("{ $.ms > fast }")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> FilterPattern.parse("{ level = 1 }")).hasMessageContaining("expected a selector");
        assertThatThrownBy(() -> FilterPattern.parse("\"unterminated")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> FilterPattern.parse("ERROR ?")).hasMessageContaining("must be followed by a term");
    }
}
