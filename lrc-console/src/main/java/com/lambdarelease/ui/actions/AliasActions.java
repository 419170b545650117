package com.lambdarelease.ui.actions;

import com.lambdarelease.ui.detail.ReleaseCommands;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.AliasWriter;
import com.lambdarelease.release.PromotionCheck;
import com.lambdarelease.service.MetricsService;
import com.lambdarelease.release.WriteOutcome;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.common.WriteDialogs;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Create, edit, promote, roll back and delete aliases, each on the alias the operator selected
 * and named in its confirmation. Every write goes through the release core's {@link AliasWriter}
 * (pre-flight, RevisionId, conflict, journal); this class only asks and shows.
 */
public final class AliasActions implements ReleaseCommands.Aliases {

    private final UiContext ui;
    private final AliasWriter writer;
    private final FunctionDetailViewModel detail;
    private final ActionDialogs forms;
    private final MetricsService metrics;
    private final Clock clock;

    /**
     * @param metrics the connection's metrics, for the health word before a promote
     * @param clock   the connection's clock (the sandbox's on the sandbox): what "the last hour" means
     */
    public AliasActions(UiContext ui, AliasWriter writer, FunctionDetailViewModel detail, ActionDialogs forms,
                        MetricsService metrics, Clock clock) {
        this.ui = ui;
        this.writer = writer;
        this.detail = detail;
        this.forms = forms;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Create alias (Ctrl+N): suggests the newest published version. */
    @Override
    public CompletableFuture<Outcome> create() {
        String fn = detail.functionNameProperty().get();
        if (fn == null) {
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        var names = new HashSet<String>();
        detail.aliases().forEach(a -> names.add(a.name()));
        String suggested = detail.newestPublished().map(FunctionConfig::version).orElse(AwsNames.LATEST);
        AliasForm form = AliasForm.create(names, versions(), suggested, detail.provisionedConcurrency());
        showSentAs(fn, Optional.empty(), form);
        return submit("Create alias on " + fn, "_Create", form,
                () -> AliasChange.create(fn, form.nameProperty().get(), form.split(), form.descriptionProperty().get()));
    }

    /** Fills the form's "Sent as …" and the alias's other owners' warnings in when read (never blocks the form). */
    private void showSentAs(String function, Optional<AliasRoute> alias, AliasForm form) {
        writer.caller().thenCombine(writer.ownerWarnings(function, alias.map(AliasRoute::name).orElse(""), alias), (c, owners) -> {
            List<String> lines = new java.util.ArrayList<>(owners);
            lines.add("Sent " + com.lambdarelease.release.WritePlan.asText(c) + ".");
            return lines;
        }).thenAcceptAsync(lines -> form.sentAs().setAll(lines), ui.fx());
    }

    /** Edit alias (Ctrl+E): version, additional version and weight, description. */
    @Override
    public CompletableFuture<Outcome> edit(AliasRoute alias) {
        AliasForm form = AliasForm.edit(alias, versions(), detail.provisionedConcurrency());
        showRecentHealth(alias, form);
        showSentAs(alias.functionName(), Optional.of(alias), form);
        return submit("Edit alias " + alias.functionName() + ":" + alias.name(), "_Update", form,
                () -> AliasChange.update(alias, form.split(), form.descriptionProperty().get()));
    }

    /**
     * Promote: all traffic to the additional version, routing cleared. The confirmation first says
     * how the canary fared against the primary over the last hour, and warns when it fails more.
     */
    @Override
    public CompletableFuture<Outcome> promote(AliasRoute alias) {
        CompletableFuture<List<String>> health = PromotionCheck.check(metrics, clock, alias)
                .thenApply(v -> v.summary().isEmpty() ? List.<String>of() : List.of(v.summary()));
        return WriteDialogs.confirmAndWrite(ui, writer, AliasChange.promote(alias), "_Promote", health)
                .thenComposeAsync(o -> o.isEmpty() ? CompletableFuture.completedFuture(Outcome.CANCELLED) : shown(o.get()),
                        ui.fx());
    }

    /**
     * Roll back: with a split, all traffic back to the primary and routing cleared; without one,
     * point the alias at an earlier version the operator picks.
     */
    @Override
    public CompletableFuture<Outcome> rollBack(AliasRoute alias) {
        if (alias.split().isSplit()) {
            return confirmAndWrite(AliasChange.rollBack(alias, Optional.empty()), "_Roll back");
        }
        String current = alias.split().primaryVersion();
        List<String> earlier = detail.publishedNewestFirst().stream().map(FunctionConfig::version)
                .filter(v -> !AwsNames.isPublishedVersion(current) || Long.parseLong(v) < Long.parseLong(current))
                .toList();
        String name = alias.functionName() + ":" + alias.name();
        if (earlier.isEmpty()) {
            ui.dialogs().inform("Nothing to roll back to", "There is no published version before v" + current
                    + " for " + name + ".");
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        return forms.chooseVersion("Roll back " + name, name + " sends all traffic to v" + current + ". Point it at:",
                        earlier, earlier.get(0))
                .thenCompose(choice -> choice.isEmpty() ? CompletableFuture.completedFuture(Outcome.CANCELLED)
                        : confirmAndWrite(AliasChange.rollBack(alias, choice), "_Roll back"));
    }

    /** Delete alias: the writer re-reads first, since DeleteAlias takes no RevisionId. */
    @Override
    public CompletableFuture<Outcome> delete(AliasRoute alias) {
        return confirmAndWrite(AliasChange.delete(alias), "_Delete");
    }

    private CompletableFuture<Outcome> confirmAndWrite(AliasChange change, String verb) {
        return WriteDialogs.confirmAndWrite(ui, writer, change, verb)
                .thenComposeAsync(o -> o.isEmpty() ? CompletableFuture.completedFuture(Outcome.CANCELLED) : shown(o.get()),
                        ui.fx());
    }

    /**
     * Shows the form; on OK plans and sends (the form was the before → after preview). A refusal or
     * AWS's error shows the form again with the words and what was typed; nothing is lost.
     */
    private CompletableFuture<Outcome> submit(String title, String verb, AliasForm form,
                                              java.util.function.Supplier<AliasChange> change) {
        return forms.editAlias(title, verb, form).thenComposeAsync(ok -> {
            if (!ok || !form.isValid()) {
                return CompletableFuture.completedFuture(Outcome.CANCELLED);
            }
            form.serverErrorProperty().set("");
            return writer.planAndApply(change.get()).thenComposeAsync(outcome -> {
                if (outcome instanceof WriteOutcome.Refused || outcome instanceof WriteOutcome.Failed) {
                    form.serverErrorProperty().set(outcome.message());
                    return shown(outcome).thenCompose(o -> submit(title, verb, form, change));
                }
                if (outcome instanceof WriteOutcome.Conflict c && c.basedOn().isEmpty()) {
                    // A new alias whose name someone else took meanwhile: the form comes back with what was typed.
                    form.serverErrorProperty().set(outcome.message());
                    ui.notifier().info(outcome.message());
                    return submit(title, verb, form, change);
                }
                return shown(outcome);
            }, ui.fx());
        }, ui.fx());
    }

    /** Reports the outcome the one way every screen does, and follows it in the detail. */
    private CompletableFuture<Outcome> shown(WriteOutcome outcome) {
        return WriteDialogs.report(ui, outcome).thenComposeAsync(reload -> {
            if (outcome instanceof WriteOutcome.Applied a) {
                a.after().ifPresent(detail::select);
                return CompletableFuture.completedFuture(Outcome.DONE);
            }
            if (outcome instanceof WriteOutcome.Conflict) {
                return (reload ? detail.reload() : CompletableFuture.<Void>completedFuture(null))
                        .thenApply(v -> Outcome.CONFLICT);
            }
            return CompletableFuture.completedFuture(outcome instanceof WriteOutcome.Refused
                    ? Outcome.NOT_POSSIBLE : Outcome.FAILED);
        }, ui.fx());
    }

    /** Versions shown with their recent health, at most this many (one GetMetricData call either way). */
    static final int HEALTH_VERSIONS = 20;

    /**
     * Fills the form's version pickers with how each published version fared through this alias in
     * the last hour (its ExecutedVersion series), so picking the version that fails 24% of calls is
     * never done blind. Best effort: without metrics the pickers show version numbers only.
     */
    private void showRecentHealth(AliasRoute alias, AliasForm form) {
        List<String> published = detail.publishedNewestFirst().stream().map(FunctionConfig::version)
                .limit(HEALTH_VERSIONS).toList();
        if (published.isEmpty()) {
            return;
        }
        PromotionCheck.lastHour(metrics, clock, alias, published)
                .thenApply(m -> {
                    var lines = new java.util.LinkedHashMap<String, String>();
                    com.lambdarelease.release.Health.perVersion(m, alias.split()).forEach(h -> lines.put(h.version(),
                            com.lambdarelease.release.Health.brief(h) + " via " + alias.name() + ", last hour"));
                    return lines;
                })
                .thenAcceptAsync(lines -> form.versionHealth().putAll(lines), ui.fx());
        // Best effort: a failed read leaves the pickers showing version numbers only.
    }

    /** Published versions newest first, then $LATEST: what an alias may point at. */
    private List<FunctionConfig> versions() {
        return detail.versions().stream().map(r -> r.config()).toList();
    }
}
