package com.lambdarelease.ui.detail;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.ui.common.Command;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The release actions as commands (buttons, menus, context menus and shortcuts share them). The
 * screen says what it wants done through {@link Aliases} and {@link Versions}; the console's actions
 * do it, so this package never depends on theirs.
 */
public final class ReleaseCommands {

    /** What the alias commands ask for, on the alias the operator sees selected. */
    public interface Aliases {
        CompletionStage<?> create();

        CompletionStage<?> edit(AliasRoute alias);

        CompletionStage<?> promote(AliasRoute alias);

        CompletionStage<?> rollBack(AliasRoute alias);

        CompletionStage<?> delete(AliasRoute alias);
    }

    /** What the version commands ask for. */
    public interface Versions {
        CompletionStage<?> publish();

        CompletionStage<?> delete(FunctionConfig version);

        void copyArn(String arn);
    }

    public final Command publish;
    public final Command newAlias;
    public final Command editAlias;
    public final Command promote;
    public final Command rollBack;
    public final Command deleteAlias;
    public final Command deleteVersion;
    public final Command copyArn;
    public final Command refresh;

    public ReleaseCommands(FunctionDetailViewModel detail, Aliases aliases, Versions versions, Runnable refreshAll) {
        // Alias actions act on the alias selected in the tab on screen, never on one hidden behind another tab.
        var alias = detail.targetAliasProperty();
        var version = detail.selectedVersionProperty();
        // Versions and aliases shown from the cache are never written from: their RevisionIds may be old.
        BooleanBinding cached = detail.cachedAtProperty().isNotNull();
        BooleanBinding noFunction = detail.functionNameProperty().isNull().or(cached);
        BooleanBinding noAlias = alias.isNull().or(cached);
        BooleanBinding notSplit = Bindings.createBooleanBinding(
                () -> alias.get() == null || !alias.get().split().isSplit(), alias).or(cached);
        BooleanBinding noPublishedVersion = Bindings.createBooleanBinding(
                () -> version.get() == null || version.get().config().isLatest(), version).or(cached);
        publish = new Command("_Publish new version…", key(KeyCode.P, KeyCombination.SHORTCUT_DOWN), Feather.UPLOAD,
                detail.latestProperty().isNull().or(cached), versions::publish);
        newAlias = new Command("_New alias…", key(KeyCode.N, KeyCombination.SHORTCUT_DOWN), Feather.PLUS,
                noFunction, aliases::create);
        editAlias = new Command("_Edit alias…", key(KeyCode.E, KeyCombination.SHORTCUT_DOWN), Feather.EDIT_2,
                noAlias, () -> withAlias(detail, aliases::edit));
        promote = new Command("P_romote", key(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Feather.CHEVRONS_UP, notSplit, () -> withAlias(detail, aliases::promote));
        rollBack = new Command("Roll _back…", key(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Feather.CORNER_UP_LEFT, noAlias, () -> withAlias(detail, aliases::rollBack));
        deleteAlias = new Command("_Delete alias…", Optional.empty(), Feather.TRASH_2, noAlias,
                () -> withAlias(detail, aliases::delete));
        deleteVersion = new Command("Delete _version…", Optional.empty(), Feather.TRASH, noPublishedVersion,
                () -> Optional.ofNullable(version.get()).map(VersionRow::config).ifPresent(versions::delete));
        copyArn = new Command("_Copy ARN", key(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Feather.COPY, detail.functionArnProperty().isEmpty(), () -> versions.copyArn(detail.currentArn()));
        refresh = new Command("_Refresh", Optional.of(new KeyCodeCombination(KeyCode.F5)), Feather.REFRESH_CW,
                Bindings.createBooleanBinding(() -> false), refreshAll);
    }

    private static void withAlias(FunctionDetailViewModel detail, java.util.function.Consumer<AliasRoute> action) {
        Optional.ofNullable(detail.targetAliasProperty().get()).ifPresent(action);
    }

    private static Optional<KeyCombination> key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return Optional.of(new KeyCodeCombination(code, modifiers));
    }

    /** The alias actions, in menu order. */
    public List<Command> aliasCommands() {
        return List.of(newAlias, editAlias, promote, rollBack, deleteAlias);
    }
}
