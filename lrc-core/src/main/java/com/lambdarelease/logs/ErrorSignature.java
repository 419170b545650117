package com.lambdarelease.logs;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an error says with the parts that change from run to run masked: the runtime's error type
 * and its message with ids, hex and numbers replaced ({@code <id>}, {@code <hex>}, {@code <n>}),
 * so the same failure in two runs has the same signature.
 */
public record ErrorSignature(String type, String message) {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Six or more hex digits with at least one digit: ids such as ord-3f9a1c2e, and ord-31415926 alike. */
    private static final Pattern HEX = Pattern.compile("(?<![A-Za-z0-9])(?:0x)?(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{6,}(?![A-Za-z0-9])");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z])\\d+(?:\\.\\d+)*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MAX_MESSAGE = 300;

    /** The type and message as one line: {@code PricingRuleError: No pricing rule matches tier 'gold-<n>'}. */
    public String text() {
        return message.isEmpty() ? type : type + ": " + message;
    }

    /** {@code message} with the parts that vary masked, cut to its first line and 300 characters. */
    public static String mask(String message) {
        String first = message.lines().findFirst().orElse("").trim();
        // A decimal (182.5) is one number; an address (10.0.31.17) is four.
        String masked = NUMBER.matcher(HEX.matcher(UUID.matcher(first).replaceAll("<id>")).replaceAll("<hex>"))
                .replaceAll(m -> m.group().chars().filter(c -> c == '.').count() == 1 ? "<n>"
                        : DIGITS.matcher(m.group()).replaceAll("<n>"));
        return masked.length() <= MAX_MESSAGE ? masked : masked.substring(0, MAX_MESSAGE) + "…";
    }

    /** The signature of a runtime's error line (see {@link ErrorLines}), if the event is one. */
    public static Optional<ErrorSignature> of(String logMessage) {
        return ErrorLines.error(logMessage).map(e -> new ErrorSignature(e.type(), mask(e.message())));
    }
}
