package com.lambdarelease.rollout;

import com.lambdarelease.domain.InvalidInputException;

/**
 * A rollout refused before anything was sent: the alias already sends a share of its traffic to
 * another version, and the request did not say to replace it. Carries the replacement, so the
 * command line names its flag and the console its checkbox without reading this sentence.
 */
public final class CanaryInTheWayException extends InvalidInputException {

    private final transient CanaryReplacement replacement;

    public CanaryInTheWayException(CanaryReplacement replacement) {
        super(replacement.current() + "; rolling out v" + replacement.target() + " replaces " + replacement.share()
                + ", which the rollout must be asked to do. Nothing was sent.");
        this.replacement = replacement;
    }

    public CanaryReplacement replacement() {
        return replacement;
    }
}
