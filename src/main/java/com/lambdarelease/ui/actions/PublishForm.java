package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.FunctionConfig;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Optional;

/**
 * Publishing $LATEST: the description to give the new version, and — before anything is sent —
 * whether code or configuration changed since the newest published version. AWS returns the
 * existing version when nothing changed, so the operator is told so up front.
 */
public final class PublishForm {

    private final FunctionConfig latest;
    private final Optional<FunctionConfig> newestPublished;
    private final List<String> changes;
    private final StringProperty description = new SimpleStringProperty(this, "description", "");

    public PublishForm(FunctionConfig latest, Optional<FunctionConfig> newestPublished) {
        this.latest = latest;
        this.newestPublished = newestPublished;
        this.changes = newestPublished.map(latest::changesSince).orElse(List.of("first version"));
    }

    public FunctionConfig latest() {
        return latest;
    }

    public Optional<FunctionConfig> newestPublished() {
        return newestPublished;
    }

    /** What publishing would capture ("code", "memory", ...); empty when nothing changed. */
    public List<String> changes() {
        return changes;
    }

    public boolean nothingChanged() {
        return changes.isEmpty();
    }

    /** One sentence for the dialog, said before publishing. */
    public String changeSummary() {
        if (newestPublished.isEmpty()) {
            return "No version is published yet: this publishes version 1.";
        }
        String v = newestPublished.get().version();
        if (nothingChanged()) {
            return "Nothing changed since v" + v + " (code and configuration are the same). AWS will return v" + v
                    + " instead of publishing a new version.";
        }
        return "Changed since v" + v + ": " + String.join(", ", changes) + ".";
    }

    public String before() {
        return newestPublished.map(c -> "Newest published: v" + c.version() + " (code " + c.shortCodeSha256() + ")")
                .orElse("No published version");
    }

    public String after() {
        if (nothingChanged()) {
            return "No new version: v" + newestPublished.map(FunctionConfig::version).orElse("?") + " stays the newest";
        }
        return newestPublished.map(c -> "A new version after v" + c.version()).orElse("Version 1")
                + " from $LATEST (code " + latest.shortCodeSha256() + ")";
    }

    public StringProperty descriptionProperty() {
        return description;
    }
}
