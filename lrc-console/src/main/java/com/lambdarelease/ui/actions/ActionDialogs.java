package com.lambdarelease.ui.actions;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The input dialogs of the release actions. Each shows before → after itself, so pressing its
 * OK button is the confirmation. Called on the FX thread; answers come later, never blocking.
 */
public interface ActionDialogs {

    /** Lets the operator fill {@code form}; true when they press the action button with a valid form. */
    CompletableFuture<Boolean> editAlias(String title, String action, AliasForm form);

    /** Lets the operator describe the version to publish; true to publish. */
    CompletableFuture<Boolean> publish(PublishForm form);

    /** Asks for one of {@code choices} (e.g. an earlier version to roll back to). */
    CompletableFuture<Optional<String>> chooseVersion(String title, String prompt, List<String> choices, String preselected);
}
