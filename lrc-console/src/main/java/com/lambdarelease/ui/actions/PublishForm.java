package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.FunctionConfig;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishing $LATEST: the description to give the new version, and, before anything is sent, what
 * AWS will answer. AWS publishes a new version whenever UpdateFunctionCode or
 * UpdateFunctionConfiguration ran since the last publish, even with identical content, and returns
 * the newest version (ignoring a new description) when nothing was updated since. So the verdict
 * compares $LATEST's LastModified with the newest version's; content differences are information
 * only. {@link #refresh} replaces what the verdict was read from, so it never goes stale while the
 * dialog is open.
 */
public final class PublishForm {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private FunctionConfig latest;
    private Optional<FunctionConfig> newestPublished;
    private List<String> changes = List.of();
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ReadOnlyBooleanWrapper returnsExisting = new ReadOnlyBooleanWrapper(this, "returnsExisting");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper differences = new ReadOnlyStringWrapper(this, "differences", "");
    private final ReadOnlyStringWrapper before = new ReadOnlyStringWrapper(this, "before", "");
    private final ReadOnlyStringWrapper after = new ReadOnlyStringWrapper(this, "after", "");

    /** @param zone where the operator reads times ("updated 14:02") */
    public PublishForm(FunctionConfig latest, Optional<FunctionConfig> newestPublished, ZoneId zone) {
        this.zone = zone;
        refresh(latest, newestPublished);
    }

    /** Reads the verdict again from $LATEST and the newest version as they are now. */
    public void refresh(FunctionConfig nowLatest, Optional<FunctionConfig> nowNewest) {
        this.latest = nowLatest;
        this.newestPublished = nowNewest;
        this.changes = nowNewest.map(this::contentDifferences).orElse(List.of());
        returnsExisting.set(nowNewest.isPresent() && !nowLatest.lastModified().isAfter(nowNewest.get().lastModified()));
        verdict.set(verdictText());
        differences.set(nowNewest.map(n -> changes.isEmpty()
                ? "Content: the same code and configuration as v" + n.version() + "."
                : "Content that differs from v" + n.version() + ": " + String.join(", ", changes) + ".").orElse(""));
        before.set(nowNewest.map(c -> "Newest published: v" + c.version() + " (code " + c.shortCodeSha256()
                + ", " + DAY_TIME.format(c.lastModified().atZone(zone)) + ")").orElse("No published version"));
        after.set(returnsExisting.get()
                ? "No new version: v" + nowNewest.get().version() + " stays the newest"
                : "v" + nextVersion() + " from $LATEST (code " + nowLatest.shortCodeSha256() + ")");
    }

    public FunctionConfig latest() {
        return latest;
    }

    public Optional<FunctionConfig> newestPublished() {
        return newestPublished;
    }

    /** Content that differs from the newest version ("code", "timeout", ...): information, not the verdict. */
    public List<String> changes() {
        return changes;
    }

    /** True when AWS will answer with the newest version instead of publishing: nothing was updated since. */
    public boolean returnsExisting() {
        return returnsExisting.get();
    }

    public ReadOnlyBooleanProperty returnsExistingProperty() {
        return returnsExisting.getReadOnlyProperty();
    }

    /** One sentence, said before publishing: "publishes v5 (…)" or "returns v4: nothing was updated since". */
    public String changeSummary() {
        return verdict.get();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty differencesProperty() {
        return differences.getReadOnlyProperty();
    }

    public String before() {
        return before.get();
    }

    public ReadOnlyStringProperty beforeProperty() {
        return before.getReadOnlyProperty();
    }

    public String after() {
        return after.get();
    }

    public ReadOnlyStringProperty afterProperty() {
        return after.getReadOnlyProperty();
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    private String verdictText() {
        if (newestPublished.isEmpty()) {
            return "Publishes v1: no version is published yet.";
        }
        FunctionConfig newest = newestPublished.get();
        String v = newest.version();
        if (returnsExisting.get()) {
            return "Returns v" + v + ": nothing was updated since (AWS keeps v" + v
                    + "'s own description; what you type here is not used).";
        }
        String at = TIME.format(latest.lastModified().atZone(zone));
        boolean codeChanged = changes.contains("code");
        // $LATEST's own description is not carried into a version, so it alone says little about what ran
        boolean configChanged = changes.stream().anyMatch(c -> !c.equals("code") && !c.equals("description"));
        String what;
        if (codeChanged) {
            what = "code updated " + at + " after v" + v + (configChanged ? "; configuration differs too" : "");
        } else if (configChanged) {
            what = "configuration updated " + at + " after v" + v + "; code unchanged";
        } else {
            what = "$LATEST updated " + at + " after v" + v + "; code unchanged";
        }
        return "Publishes v" + nextVersion() + " (" + what + ").";
    }

    /**
     * The next number after the newest listed version. Version numbers are never reused, so if a
     * newer version was deleted AWS picks a higher one; the result names the real number.
     */
    private long nextVersion() {
        return newestPublished.map(n -> Long.parseLong(n.version()) + 1).orElse(1L);
    }

    private List<String> contentDifferences(FunctionConfig newest) {
        List<String> out = new ArrayList<>(latest.changesSince(newest));
        if (!latest.description().equals(newest.description())) {
            out.add("description");
        }
        return List.copyOf(out);
    }
}
