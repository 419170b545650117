package com.lambdarelease.ui.environments;

import com.lambdarelease.domain.AliasRoute;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Map;
import java.util.Optional;

/** One function in the environments matrix: its aliases once loaded, or why they could not be. */
public final class EnvironmentRow {

    /** Where a row's aliases stand. */
    public sealed interface State {
        record NotLoaded() implements State {
        }

        record Loading() implements State {
        }

        /** @param rollouts per alias, who drives a rollout of it ("rollout: bob", "rollout: no driver"), from the leases */
        record Loaded(Map<String, AliasRoute> aliases, Map<String, String> rollouts) implements State {
            public Loaded(Map<String, AliasRoute> aliases) {
                this(aliases, Map.of());
            }

        }

        record Failed(String reason) implements State {
        }
    }

    private final String functionName;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", new State.NotLoaded());

    public EnvironmentRow(String functionName) {
        this.functionName = functionName;
    }

    public String functionName() {
        return functionName;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    void set(State s) {
        state.set(s);
    }

    /** What the cell for {@code aliasName} shows: "v3", "v3 90% · v4 10%", "—" (no such alias), "…" (loading). */
    public String cellText(String aliasName) {
        State s = state.get();
        if (s instanceof State.Loaded loaded) {
            return Optional.ofNullable(loaded.aliases().get(aliasName)).map(EnvironmentRow::describe)
                    .map(text -> Optional.ofNullable(loaded.rollouts().get(aliasName)).map(r -> text + " · " + r).orElse(text))
                    .orElse("—");
        }
        if (s instanceof State.Failed) {
            return "!";
        }
        return "…";
    }

    static String describe(AliasRoute alias) {
        var split = alias.split();
        if (!split.isSplit()) {
            return "v" + split.primaryVersion();
        }
        return "v" + split.primaryVersion() + " " + com.lambdarelease.domain.TrafficSplit.percent(split.primaryWeight())
                + " · v" + split.canaryVersion().orElseThrow() + " " + com.lambdarelease.domain.TrafficSplit.percent(split.canaryWeight());
    }
}
