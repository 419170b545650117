package com.lambdarelease.sandbox.cloudwatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** An opaque NextToken: the position of the next page in a deterministic listing. */
final class PageToken {

    private static final String PREFIX = "sandbox-page:";

    private PageToken() {
    }

    static String encode(long offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for; 0 for no token; InvalidNextToken for anything we did not issue. */
    static long decode(Optional<String> token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long offset = Long.parseLong(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through: not one of ours
        }
        throw CloudWatchError.invalidNextToken();
    }
}
