package com.lambdarelease.ui.common;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.AliasWriter;
import com.lambdarelease.release.WriteOutcome;
import com.lambdarelease.release.WritePlan;
import com.lambdarelease.service.errors.AwsErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How every alias write looks in the window, whichever screen started it: the plan's before →
 * after with the pre-flight's notes in one confirmation naming the alias, then the outcome in the
 * same words everywhere (a toast when applied, the conflict dialog when someone else changed it,
 * the refusal or AWS's message otherwise). The command line shows the same outcomes as text.
 */
public final class WriteDialogs {

    private WriteDialogs() {
    }

    /**
     * Plans {@code change}, asks the operator (a refused plan is not offered), and sends it when
     * confirmed. Completes on the FX thread, empty when the operator cancelled; never fails.
     */
    public static CompletableFuture<Optional<WriteOutcome>> confirmAndWrite(UiContext ui, AliasWriter writer,
                                                                          AliasChange change, String verb) {
        return confirmAndWrite(ui, writer, change, verb, CompletableFuture.completedFuture(List.of()));
    }

    /**
     * Like {@link #confirmAndWrite(UiContext, AliasWriter, AliasChange, String)}, with {@code facts}
     * (the canary's health before a promote, say) shown first in the confirmation; a failure to get
     * them is said there instead of blocking the write.
     */
    public static CompletableFuture<Optional<WriteOutcome>> confirmAndWrite(UiContext ui, AliasWriter writer,
                                                                          AliasChange change, String verb,
                                                                          CompletableFuture<List<String>> facts) {
        CompletableFuture<List<String>> known = facts.exceptionally(e -> List.of(
                "Could not read the alias's recent health: " + ErrorText.describe(e)));
        return writer.plan(change).thenCombine(known, PlanWithFacts::new).handleAsync((both, error) -> {
            WritePlan plan = both == null ? null : both.plan();
            if (error != null) {
                return CompletableFuture.completedFuture(Optional.<WriteOutcome>of(new WriteOutcome.Failed(change,
                        AwsErrors.translate(error), "Could not check " + change.qualifiedName() + " before writing: "
                        + ErrorText.describe(error))));
            }
            if (plan.refused()) {
                return CompletableFuture.completedFuture(Optional.<WriteOutcome>of(
                        new WriteOutcome.Refused(change, plan.verdict().refusals())));
            }
            return confirm(ui, plan, verb, both.facts()).thenComposeAsync(go -> go
                    ? writer.apply(plan).thenApply(Optional::of)
                    : CompletableFuture.completedFuture(Optional.<WriteOutcome>empty()), ui.fx());
        }, ui.fx()).thenCompose(f -> f).thenApplyAsync(o -> o, ui.fx());
    }

    /** The confirmation: title naming function and alias, before → after, warnings and the rules checked. */
    public static CompletableFuture<Boolean> confirm(UiContext ui, WritePlan plan, String verb) {
        return confirm(ui, plan, verb, List.of());
    }

    private static CompletableFuture<Boolean> confirm(UiContext ui, WritePlan plan, String verb, List<String> facts) {
        List<String> notes = new ArrayList<>(facts);
        notes.addAll(plan.warnings());
        notes.addAll(plan.verdict().passed());
        notes.add("Sent " + plan.asText() + ".");
        return ui.dialogs().confirmChange(plan.change().title(), verb, plan.beforeText(), plan.afterText(), notes);
    }

    /**
     * Tells the operator how a write ended. Completes true when, after a conflict, they asked to
     * load the alias as it is now.
     */
    public static CompletableFuture<Boolean> report(UiContext ui, WriteOutcome outcome) {
        if (outcome instanceof WriteOutcome.Applied) {
            ui.notifier().success(outcome.message());
            return CompletableFuture.completedFuture(false);
        }
        if (outcome instanceof WriteOutcome.Conflict c) {
            String loaded = c.basedOn().map(WriteDialogs::describe).orElse("(no alias)");
            String now = c.current().map(a -> describe(a) + " (revision " + a.revisionId() + ")")
                    .orElse("(no alias " + c.change().aliasName() + ")");
            String yours = c.yours().map(s -> WritePlan.describe(s, c.change().description()))
                    .orElse(c.change().action().title().toLowerCase(java.util.Locale.ROOT));
            return ui.dialogs().showConflict(c.change().qualifiedName() + " was changed by someone else", loaded, now,
                    yours);
        }
        if (outcome instanceof WriteOutcome.Refused r) {
            ui.dialogs().inform("Not sent: " + r.change().title(), r.message());
            return CompletableFuture.completedFuture(false);
        }
        WriteOutcome.Failed f = (WriteOutcome.Failed) outcome;
        ui.notifier().failure(f.change().title(), new WriteFailed(f.message(), f.error()));
        return CompletableFuture.completedFuture(false);
    }

    private record PlanWithFacts(WritePlan plan, List<String> facts) {
    }

    private static String describe(AliasRoute a) {
        return WritePlan.describe(a.split(), a.description());
    }

    /** A failed write in the writer's words (which already quote AWS's). */
    static final class WriteFailed extends RuntimeException {
        WriteFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
