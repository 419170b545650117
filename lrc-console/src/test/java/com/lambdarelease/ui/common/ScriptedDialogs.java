package com.lambdarelease.ui.common;

import com.lambdarelease.ui.actions.ActionDialogs;
import com.lambdarelease.ui.actions.AliasForm;
import com.lambdarelease.ui.actions.PublishForm;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Dialogs answered by the test: records what the operator would have seen, answers as scripted. */
public final class ScriptedDialogs implements DialogService, ActionDialogs {

    /** @param mustTick the checkbox the operator had to tick to go ahead ("" when there was none) */
    public record Confirmation(String title, String before, String after, List<String> notes, String mustTick) {
    }

    public record Conflict(String title, String whenLoaded, String now, String yourChange) {
    }

    public final List<Confirmation> confirmations = new CopyOnWriteArrayList<>();
    public final List<Conflict> conflicts = new CopyOnWriteArrayList<>();
    public final List<String> informs = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<AliasForm> aliasForms = new CopyOnWriteArrayList<>();
    public final List<PublishForm> publishForms = new CopyOnWriteArrayList<>();

    public volatile boolean confirm = true;
    /** Whether the operator ticks a confirmation's checkbox (when it has one) before confirming. */
    public volatile boolean tick = false;
    public volatile boolean reloadOnConflict = true;
    /** Fills the alias form; (form, how many times it was shown) → press OK? */
    public volatile BiFunction<AliasForm, Integer, Boolean> onAliasForm = (f, n) -> n == 1;
    public volatile Function<PublishForm, Boolean> onPublish = f -> true;
    public volatile Function<List<String>, Optional<String>> onChooseVersion = c -> Optional.of(c.get(0));

    @Override
    public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after) {
        return confirmChange(title, action, before, after, List.of());
    }

    @Override
    public CompletableFuture<Boolean> showConflict(String title, String yourChange, String theirState) {
        return showConflict(title, "", theirState, yourChange);
    }

    @Override
    public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after,
                                                    List<String> notes) {
        confirmations.add(new Confirmation(title, before, after, notes, ""));
        return CompletableFuture.completedFuture(confirm);
    }

    @Override
    public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after,
                                                    List<String> notes, String mustTick) {
        confirmations.add(new Confirmation(title, before, after, notes, mustTick));
        return CompletableFuture.completedFuture(confirm && tick);
    }

    @Override
    public CompletableFuture<Boolean> showConflict(String title, String whenLoaded, String now, String yourChange) {
        conflicts.add(new Conflict(title, whenLoaded, now, yourChange));
        return CompletableFuture.completedFuture(reloadOnConflict);
    }

    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + ErrorText.describe(error));
    }

    @Override
    public void inform(String title, String message) {
        informs.add(title + ": " + message);
    }

    @Override
    public CompletableFuture<Boolean> editAlias(String title, String action, AliasForm form) {
        aliasForms.add(form);
        long shown = aliasForms.stream().filter(f -> f == form).count();
        return CompletableFuture.completedFuture(onAliasForm.apply(form, (int) shown));
    }

    @Override
    public CompletableFuture<Boolean> publish(PublishForm form) {
        publishForms.add(form);
        return CompletableFuture.completedFuture(onPublish.apply(form));
    }

    @Override
    public CompletableFuture<Optional<String>> chooseVersion(String title, String prompt, List<String> choices,
                                                             String preselected) {
        return CompletableFuture.completedFuture(onChooseVersion.apply(choices));
    }
}
