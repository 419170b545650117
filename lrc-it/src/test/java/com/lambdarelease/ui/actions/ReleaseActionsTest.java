package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.Toast;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release actions' view-models against the embedded sandbox, with a same-thread FX executor and
 * scripted dialogs; every outcome is checked by reading the sandbox back through another client.
 * Each test works on its own function or alias, so the shared sandbox's order does not matter.
 */
class ReleaseActionsTest {

    private static SandboxFixture sandbox;
    private ScriptedDialogs dialogs;
    private ToastNotifier toasts;
    private FunctionDetailViewModel detail;
    private AliasActions aliases;
    private com.lambdarelease.release.ReleaseSession session;
    private VersionActions versions;
    private final List<String> clipboard = new ArrayList<>();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void console() {
        dialogs = new ScriptedDialogs();
        toasts = new ToastNotifier();
        UiContext ui = sandbox.context(Runnable::run, dialogs, toasts);
        session = sandbox.session();
        detail = new FunctionDetailViewModel(ui, session.states());
        aliases = new AliasActions(ui, session.writer(), detail, dialogs, sandbox.services.metrics(), sandbox.services.clock());
        versions = new VersionActions(ui, sandbox.services.lambda(), detail, dialogs, clipboard::add);
    }

    private void open(String function) throws Exception {
        detail.show(function).get(10, TimeUnit.SECONDS);
    }

    private AliasRoute alias(String name) {
        return detail.alias(name).orElseThrow();
    }

    private static <T> T done(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void givenASplitAppliedInTheCanaryWorkspaceThenPromoteFollowsItWithTheNewRevision() throws Exception {
        open("orders-api");
        detail.selectedAliasProperty().set(alias("beta"));
        AliasRoute beta = alias("beta");
        AliasRoute changed = new AliasRoute(beta.functionName(), beta.name(), beta.arn(),
                com.lambdarelease.domain.TrafficSplit.canary(beta.split().primaryVersion(), "7", 0.25),
                beta.description(), "revision-from-the-canary-pane");

        session.states().of("orders-api").aliasChanged(changed);

        assertThat(detail.selectedAliasProperty().get()).isEqualTo(changed);
        assertThat(alias("beta").revisionId()).isEqualTo("revision-from-the-canary-pane");
        assertThat(detail.versions()).filteredOn(r -> r.version().equals("7")).singleElement()
                .satisfies(r -> assertThat(r.aliasesText()).contains("beta"));
    }

    @Test
    void givenMyLambdaFunctionWhenOpenedThenVersionsNewestFirstAndTheGuidesAliases() throws Exception {
        open("MyLambdaFunction");
        assertThat(detail.versions()).extracting(r -> r.version()).containsExactly("4", "3", "2", "1", "$LATEST");
        assertThat(detail.aliases()).extracting(AliasRoute::name).contains("dev", "staging", "prod");
        assertThat(detail.versions().get(1).aliasesText()).contains("prod");
        assertThat(detail.aliasesPointingAt("3")).contains("prod");
    }

    @Test
    void givenLatestUnchangedWhenPublishingThenTheOperatorIsToldBeforehandAndAwsReturnsTheExistingVersion() throws Exception {
        open("payments-webhook");
        Outcome outcome = done(versions.publish());
        assertThat(dialogs.publishForms.get(0).returnsExisting()).isTrue();
        assertThat(dialogs.publishForms.get(0).changeSummary()).startsWith("Returns v3: nothing was updated since");
        assertThat(outcome).isEqualTo(Outcome.DONE);
        assertThat(sandbox.readVersions("payments-webhook")).containsExactly("$LATEST", "1", "2", "3");
        assertThat(toasts.lastMessageProperty().get()).contains("AWS returned v3");
    }

    @Test
    void givenChangedLatestWhenPublishingThenANewVersionWithTheDescriptionExists() throws Exception {
        sandbox.otherClients.lambda().updateFunctionConfiguration(r -> r.functionName("image-resizer").memorySize(2048));
        open("image-resizer");
        dialogs.onPublish = form -> {
            form.descriptionProperty().set("More memory");
            return true;
        };
        assertThat(done(versions.publish())).isEqualTo(Outcome.DONE);
        assertThat(dialogs.publishForms.get(0).changes()).contains("memory");
        assertThat(dialogs.publishForms.get(0).changeSummary()).startsWith("Publishes v6 (configuration updated ")
                .endsWith(" after v5; code unchanged).");
        var v6 = sandbox.otherClients.lambda().getFunctionConfiguration(r -> r.functionName("image-resizer").qualifier("6"));
        assertThat(v6.description()).isEqualTo("More memory");
        assertThat(v6.memorySize()).isEqualTo(2048);
        assertThat(detail.versions().get(0).version()).isEqualTo("6");
        assertThat(toasts.toasts()).extracting(Toast::kind).contains(Toast.Kind.SUCCESS);
    }

    @Test
    void whenCreatingAnAliasThenItExistsWithTheChosenVersion() throws Exception {
        open("MyLambdaFunction");
        dialogs.onAliasForm = (form, n) -> {
            form.nameProperty().set("qa");
            form.primaryVersionProperty().set("2");
            form.descriptionProperty().set("QA team");
            return n == 1;
        };
        assertThat(done(aliases.create())).isEqualTo(Outcome.DONE);
        GetAliasResponse qa = sandbox.readAlias("MyLambdaFunction", "qa");
        assertThat(qa.functionVersion()).isEqualTo("2");
        assertThat(qa.description()).isEqualTo("QA team");
        assertThat(detail.alias("qa")).isPresent();
    }

    @Test
    void givenAnotherClientCreatedTheSameAliasWhenCreatingThenTheFormComesBackWithAwsWordsAndWhatWasTyped() throws Exception {
        open("MyLambdaFunction");
        dialogs.onAliasForm = (form, n) -> {
            if (n == 1) {
                form.nameProperty().set("hotfix");
                form.primaryVersionProperty().set("3");
                sandbox.otherClients.lambda().createAlias(r -> r.functionName("MyLambdaFunction").name("hotfix")
                        .functionVersion("1"));
            }
            return n == 1;
        };
        assertThat(done(aliases.create())).isEqualTo(Outcome.CANCELLED);
        assertThat(dialogs.aliasForms).hasSize(2);
        AliasForm form = dialogs.aliasForms.get(1);
        assertThat(form.nameProperty().get()).isEqualTo("hotfix");
        assertThat(form.serverErrorProperty().get()).contains("ResourceConflictException").contains("Alias already exists");
        assertThat(sandbox.readAlias("MyLambdaFunction", "hotfix").functionVersion()).isEqualTo("1");
    }

    @Test
    void whenEditingAnAliasIntoACanaryThenTheSplitIsSentWithItsRevisionId() throws Exception {
        open("MyLambdaFunction");
        dialogs.onAliasForm = (form, n) -> {
            form.additionalVersionProperty().set("4");
            form.weightTextProperty().set("10");
            return n == 1;
        };
        assertThat(done(aliases.edit(alias("staging")))).isEqualTo(Outcome.DONE);
        assertThat(dialogs.aliasForms.get(0).afterProperty().get()).startsWith("90% → v2 · 10% → v4");
        GetAliasResponse staging = sandbox.readAlias("MyLambdaFunction", "staging");
        assertThat(staging.functionVersion()).isEqualTo("2");
        assertThat(staging.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("4", 0.1));
    }

    @Test
    void givenProvisionedConcurrencyWhenSplittingTrafficThenTheFormWarnsBeforeAnythingIsSent() throws Exception {
        open("payments-webhook");
        dialogs.onAliasForm = (form, n) -> {
            form.additionalVersionProperty().set("2");
            form.weightTextProperty().set("10");
            return false;
        };
        assertThat(done(aliases.edit(alias("live")))).isEqualTo(Outcome.CANCELLED);
        assertThat(dialogs.aliasForms.get(0).notes())
                .anyMatch(n -> n.startsWith("Warning: provisioned concurrency on alias live (5)"));
        dialogs.onAliasForm = (form, n) -> {
            form.additionalVersionProperty().set("1");
            form.weightTextProperty().set("10");
            return false;
        };
        aliases.edit(alias("live"));
        assertThat(dialogs.aliasForms.get(1).problemProperty().get()).contains("dead-letter queues differ");
    }

    @Test
    void givenALiveCanaryWhenPromotingThenAllTrafficGoesToTheNewVersionAndRoutingIsCleared() throws Exception {
        open("orders-api");
        assertThat(done(aliases.promote(alias("live")))).isEqualTo(Outcome.DONE);
        assertThat(dialogs.confirmations.get(0).before()).startsWith("90% → v7 · 10% → v8");
        assertThat(dialogs.confirmations.get(0).after()).startsWith("100% → v8");
        GetAliasResponse live = sandbox.readAlias("orders-api", "live");
        assertThat(live.functionVersion()).isEqualTo("8");
        assertThat(live.routingConfig() == null || live.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
    }

    @Test
    void givenAPlainAliasWhenRollingBackThenItPointsAtTheChosenEarlierVersion() throws Exception {
        open("nightly-report");
        dialogs.onChooseVersion = choices -> {
            assertThat(choices.get(0)).isEqualTo("124");
            return java.util.Optional.of("123");
        };
        assertThat(done(aliases.rollBack(alias("prod")))).isEqualTo(Outcome.DONE);
        assertThat(sandbox.readAlias("nightly-report", "prod").functionVersion()).isEqualTo("123");
    }

    @Test
    void givenACanaryWhenRollingBackThenAllTrafficReturnsToThePrimary() throws Exception {
        sandbox.otherClients.lambda().updateAlias(r -> r.functionName("payments-webhook").name("live").functionVersion("3")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.2))));
        open("payments-webhook");
        assertThat(done(aliases.rollBack(alias("live")))).isEqualTo(Outcome.DONE);
        GetAliasResponse live = sandbox.readAlias("payments-webhook", "live");
        assertThat(live.functionVersion()).isEqualTo("3");
        assertThat(live.routingConfig() == null || live.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
    }

    @Test
    void givenAnotherClientChangedTheAliasWhenSavingThenTheConflictIsShownAndTheirChangeSurvives() throws Exception {
        open("MyLambdaFunction");
        AliasRoute loaded = alias("dev");
        sandbox.otherClients.lambda().updateAlias(r -> r.functionName("MyLambdaFunction").name("dev").functionVersion("2")
                .description("Changed by someone else"));
        dialogs.onAliasForm = (form, n) -> {
            form.primaryVersionProperty().set("4");
            return n == 1;
        };
        assertThat(done(aliases.edit(loaded))).isEqualTo(Outcome.CONFLICT);
        assertThat(dialogs.conflicts).hasSize(1);
        ScriptedDialogs.Conflict c = dialogs.conflicts.get(0);
        assertThat(c.whenLoaded()).startsWith("100% → v1");
        assertThat(c.now()).startsWith("100% → v2").contains("Changed by someone else");
        assertThat(c.yourChange()).startsWith("100% → v4");
        assertThat(sandbox.readAlias("MyLambdaFunction", "dev").functionVersion()).isEqualTo("2");
        assertThat(alias("dev").split().primaryVersion()).as("reloaded after the conflict").isEqualTo("2");
    }

    @Test
    void givenAVersionAnAliasPointsAtWhenDeletingThenItIsRefusedNamingTheAlias() throws Exception {
        open("nightly-report");
        assertThat(done(versions.delete(detail.version("124").orElseThrow()))).isEqualTo(Outcome.NOT_POSSIBLE);
        assertThat(dialogs.informs.get(0)).contains("alias previous");
        assertThat(done(versions.delete(detail.version("5").orElseThrow()))).isEqualTo(Outcome.DONE);
        assertThat(detail.version("5")).isEmpty();
    }

    @Test
    void whenDeletingAnUnchangedAliasThenItIsGone() throws Exception {
        sandbox.otherClients.lambda().createAlias(r -> r.functionName("nightly-report").name("scratch").functionVersion("3"));
        open("nightly-report");
        assertThat(done(aliases.delete(alias("scratch")))).isEqualTo(Outcome.DONE);
        assertThat(dialogs.confirmations.get(0).before()).isEqualTo("100% → v3");
        assertThat(sandbox.otherClients.lambda().listAliases(r -> r.functionName("nightly-report")).aliases())
                .noneMatch(a -> a.name().equals("scratch"));
        assertThat(detail.alias("scratch")).isEmpty();
    }

    @Test
    void givenAChangedAliasWhenDeletingThenNothingIsDeletedBlind() throws Exception {
        open("image-resizer");
        AliasRoute loaded = alias("preview");
        sandbox.otherClients.lambda().updateAlias(r -> r.functionName("image-resizer").name("preview")
                .description("Still needed"));
        assertThat(done(aliases.delete(loaded))).isEqualTo(Outcome.CONFLICT);
        assertThat(sandbox.readAlias("image-resizer", "preview").description()).isEqualTo("Still needed");
    }

    @Test
    void whenCopyingTheArnThenTheFunctionArnGoesToTheClipboard() throws Exception {
        open("MyLambdaFunction");
        versions.copyArn(detail.currentArn());
        assertThat(clipboard).containsExactly("arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction");
    }

    @Test
    void givenACanaryFailingMoreThanThePrimaryWhenPromotingThenTheConfirmationSaysSoFirst() throws Exception {
        sandbox.otherClients.lambda().createAlias(r -> r.functionName("MyLambdaFunction").name("promote-check")
                .functionVersion("3").routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.3))));
        var calls = new ArrayList<java.util.concurrent.CompletableFuture<?>>();
        for (int i = 0; i < 400; i++) { // real traffic through the alias: v4 fails 15% of its calls
            calls.add(java.util.concurrent.CompletableFuture.runAsync(() -> sandbox.otherClients.lambda().invoke(r -> r
                    .functionName("MyLambdaFunction").qualifier("promote-check")), sandbox.otherClients.lambdaCalls()));
        }
        java.util.concurrent.CompletableFuture.allOf(calls.toArray(java.util.concurrent.CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
        open("MyLambdaFunction");
        dialogs.confirm = false;

        assertThat(done(aliases.promote(alias("promote-check")))).isEqualTo(Outcome.CANCELLED);

        assertThat(dialogs.confirmations).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Promote MyLambdaFunction:promote-check");
            assertThat(c.notes().get(0)).startsWith("Warning: the canary is failing more often than the primary.")
                    .contains("v4 failed").contains("v3 (primary)");
        });
        assertThat(sandbox.readAlias("MyLambdaFunction", "promote-check").functionVersion()).isEqualTo("3");
    }

    @Test
    void givenNoTrafficWhenPromotingThenTheConfirmationSaysThereIsTooLittleToJudge() throws Exception {
        sandbox.otherClients.lambda().createAlias(r -> r.functionName("orders-api").name("promote-quiet")
                .functionVersion("7").routingConfig(c -> c.additionalVersionWeights(Map.of("8", 0.1))));
        open("orders-api");
        dialogs.confirm = false;
        assertThat(done(aliases.promote(alias("promote-quiet")))).isEqualTo(Outcome.CANCELLED);
        assertThat(dialogs.confirmations.get(0).notes().get(0)).contains("Too little canary traffic to judge");
    }

    @Test
    void givenTrafficThroughAnAliasWhenEditingThenEachVersionPickerSaysHowThatVersionFared() throws Exception {
        sandbox.otherClients.lambda().createAlias(r -> r.functionName("MyLambdaFunction").name("health-check")
                .functionVersion("3").routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.5))));
        var calls = new ArrayList<java.util.concurrent.CompletableFuture<?>>();
        for (int i = 0; i < 200; i++) {
            calls.add(java.util.concurrent.CompletableFuture.runAsync(() -> sandbox.otherClients.lambda().invoke(r -> r
                    .functionName("MyLambdaFunction").qualifier("health-check")), sandbox.otherClients.lambdaCalls()));
        }
        java.util.concurrent.CompletableFuture.allOf(calls.toArray(java.util.concurrent.CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
        open("MyLambdaFunction");
        dialogs.onAliasForm = (form, n) -> false;

        assertThat(done(aliases.edit(alias("health-check")))).isEqualTo(Outcome.CANCELLED);

        AliasForm form = dialogs.aliasForms.get(0);
        // The lines arrive one version at a time: wait for every published version's, not just the first.
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> form.versionHealth().keySet().containsAll(List.of("1", "2", "3", "4")));
        Map<String, String> health = Map.copyOf(form.versionHealth());
        assertThat(health.get("4")).matches("\\d+\\.\\d% errors in \\d+ calls via health-check, last hour");
        assertThat(health.get("1")).startsWith("no calls");
    }
}
