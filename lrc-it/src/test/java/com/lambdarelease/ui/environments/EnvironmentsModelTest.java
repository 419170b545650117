package com.lambdarelease.ui.environments;

import com.lambdarelease.release.FunctionStates;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environments matrix against the sandbox. A single thread stands in for the FX thread, so the
 * model sees the same one-thread world it has in the app.
 */
class EnvironmentsModelTest {

    private static Sandbox sandbox;
    private static AwsClients clients;
    private static final ExecutorService FX = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().syntheticFunctions(300).build());
        clients = AwsClients.forSandbox(sandbox.endpoint());
    }

    @AfterAll
    static void stop() {
        FX.shutdownNow();
        clients.close();
        sandbox.close();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return FX.submit(c).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition) {
        Waits.waitUntil(() -> onFx(condition::getAsBoolean));
    }

    private EnvironmentsModel newModel() throws Exception {
        SdkLambdaService lambda = new SdkLambdaService(clients, RequestBudget.unlimited());
        return newModel(lambda, new FunctionStates(lambda));
    }

    private EnvironmentsModel newModel(SdkLambdaService lambda, FunctionStates states) throws Exception {
        EnvironmentsModel model = new EnvironmentsModel(lambda, states, FX);
        onFx(() -> {
            model.activate();
            return null;
        });
        waitUntil(() -> !model.loadingFunctionsProperty().get());
        return model;
    }

    /** The rows scroll into view; waits until their aliases are shown. */
    private static void showAndLoad(EnvironmentsModel model, EnvironmentRow... shown) throws Exception {
        onFx(() -> {
            java.util.Arrays.stream(shown).forEach(model::wanted);
            return null;
        });
        waitUntil(() -> java.util.Arrays.stream(shown)
                .allMatch(r -> r.stateProperty().get() instanceof EnvironmentRow.State.Loaded));
    }

    private static EnvironmentRow row(EnvironmentsModel model, String name) {
        return model.rows().stream().filter(r -> r.functionName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theGuidesEnvironmentsShowWhichVersionEachAliasServes() throws Exception {
        EnvironmentsModel model = newModel();
        EnvironmentRow guide = onFx(() -> row(model, "MyLambdaFunction"));
        EnvironmentRow orders = onFx(() -> row(model, "orders-api"));

        showAndLoad(model, guide, orders);

        assertThat(onFx(() -> guide.cellText("dev"))).isEqualTo("v1");
        assertThat(onFx(() -> guide.cellText("staging"))).isEqualTo("v2");
        assertThat(onFx(() -> guide.cellText("prod"))).isEqualTo("v3");
        assertThat(onFx(() -> orders.cellText("live"))).isEqualTo("v7 90% · v8 10%");
        assertThat(onFx(() -> orders.cellText("dev"))).isEqualTo("—");
        assertThat(onFx(() -> model.aliasColumns().subList(0, 3))).containsExactly("dev", "staging", "prod");
        assertThat(onFx(() -> model.aliasColumns())).contains("live");
    }

    @Test
    void onlyRowsThatAreShownCostARequest() throws Exception {
        EnvironmentsModel model = newModel();
        assertThat(onFx(() -> model.rows().size())).isEqualTo(305);
        long before = model.requestsSent();

        onFx(() -> {
            model.rows().subList(0, 10).forEach(model::wanted);
            model.rows().subList(0, 10).forEach(model::wanted); // shown again while loading: no second request
            return null;
        });
        waitUntil(() -> model.rows().subList(0, 10).stream()
                .allMatch(r -> r.stateProperty().get() instanceof EnvironmentRow.State.Loaded));

        assertThat(model.requestsSent() - before).isEqualTo(10);
        assertThat(onFx(() -> model.rows().get(200).stateProperty().get())).isInstanceOf(EnvironmentRow.State.NotLoaded.class);
    }

    @Test
    void whileHiddenNothingIsSentAndWantedRowsLoadOnceShownAgain() throws Exception {
        EnvironmentsModel model = newModel();
        onFx(() -> {
            model.deactivate();
            model.rows().subList(0, 50).forEach(model::wanted);
            return null;
        });
        assertThat(model.requestsSent()).isZero();
        assertThat(onFx(() -> model.rows().get(0).stateProperty().get())).isInstanceOf(EnvironmentRow.State.Loading.class);

        onFx(() -> {
            model.activate();
            return null;
        });
        waitUntil(() -> model.rows().subList(0, 50).stream()
                .allMatch(r -> r.stateProperty().get() instanceof EnvironmentRow.State.Loaded));
        assertThat(model.requestsSent()).isEqualTo(50);
    }

    @Test
    void theFilterNarrowsRowsAsYouType() throws Exception {
        EnvironmentsModel model = newModel();
        onFx(() -> {
            model.filterProperty().set("orders");
            return null;
        });
        assertThat(onFx(() -> model.rows().stream().map(EnvironmentRow::functionName).toList())).containsExactly("orders-api");
    }

    @Test
    void anAliasWriteFromAnotherScreenShowsInItsRowAndAKnownFunctionCostsNoRequest() throws Exception {
        SdkLambdaService lambda = new SdkLambdaService(clients, RequestBudget.unlimited());
        FunctionStates states = new FunctionStates(lambda);
        states.of("orders-api").load().get(10, TimeUnit.SECONDS); // the detail screen has it open
        EnvironmentsModel model = newModel(lambda, states);
        EnvironmentRow orders = onFx(() -> row(model, "orders-api"));
        EnvironmentRow guide = onFx(() -> row(model, "MyLambdaFunction"));
        showAndLoad(model, orders, guide);
        assertThat(model.requestsSent()).as("orders-api was known; only MyLambdaFunction was read").isEqualTo(1);

        // The release core's alias writer tells the function's state of every write it lands.
        var prod = lambda.getAlias("MyLambdaFunction", "prod").get(10, TimeUnit.SECONDS);
        var moved = lambda.updateAlias(prod, com.lambdarelease.domain.TrafficSplit.canary("3", "2", 0.1), "test")
                .get(10, TimeUnit.SECONDS);
        states.of("MyLambdaFunction").aliasChanged(moved);
        waitUntil(() -> guide.cellText("prod").equals("v3 90% · v2 10%"));
        lambda.updateAlias(moved, com.lambdarelease.domain.TrafficSplit.allTo("3"), prod.description()).get(10, TimeUnit.SECONDS);
    }
}
