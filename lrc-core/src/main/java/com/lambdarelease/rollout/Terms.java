package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasRoute;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one rollout moves, fixed at its start and journalled in its started line, so a restart
 * rebuilds it: the alias exactly as it was (what a roll back restores), its function's provisioned
 * concurrency then (empty when it could not be read), the new version, the plan and the settings.
 */
record Terms(String id, AliasRoute baseline, Optional<Map<String, Integer>> baselineProvisioned, String target,
             RolloutPlan plan, RolloutSettings settings) {

    /** The version the alias sent its primary traffic to before the rollout: the primary until the promotion. */
    String primary() {
        return baseline.split().primaryVersion();
    }

    /** "MyLambdaFunction:prod" */
    String qualified() {
        return baseline.functionName() + ":" + baseline.name();
    }

    /** The health gates, judging from the minute of the first shift. */
    Gates gatesFrom(Instant firstShift) {
        return new Gates(settings, target, primary(), firstShift);
    }
}
