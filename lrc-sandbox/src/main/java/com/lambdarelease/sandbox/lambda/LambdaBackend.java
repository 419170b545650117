package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.ExecutionLog;
import com.lambdarelease.sandbox.FunctionRuntime;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.http.Refusal;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.metrics.InvocationRecorder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Lambda's control plane and Invoke per account and region (see {@link RequestScope}), spoken as restJson1 (API version 2015-03-31; provisioned
 * concurrency under 2019-09-30), and the runtime the traffic simulator drives. Starts from the
 * state file when there is one, else from the demo account (if asked), then adds the synthetic
 * functions.
 */
public final class LambdaBackend implements ProtocolHandler, FunctionRuntime {

    private final SandboxOptions options;
    private final SandboxClock clock;
    private final InvocationRecorder recorder;
    private final RandomGenerator random;
    private final ExecutionLog log;
    private final Optional<StateFile> stateFile;
    /** One place per account and region, opened on first use; the default one is the demo's. */
    private final ConcurrentHashMap<Arns, Place> places = new ConcurrentHashMap<>();
    /** Dependency outages by function name, shared by every place's invoker. */
    private final Map<String, Double> outages = new ConcurrentHashMap<>();
    /** Null unless {@link SandboxOptions.Lambda#quotas()}. */
    private final ControlPlaneQuotas quotas;
    private final Place home;
    /** Accounts (id → name) whose us-east-1 starts with functions of their own: the Identity Center organisation's. */
    private final Map<String, String> teamAccounts;

    public LambdaBackend(SandboxOptions options, SandboxClock clock, InvocationRecorder recorder, RandomGenerator random) {
        this(options, clock, recorder, random, ExecutionLog.NONE, Map.of());
    }

    /**
     * @param log          where every run is reported, to become what Lambda writes to CloudWatch Logs
     * @param teamAccounts accounts (id → name) seeded with functions of their own when first used
     */
    public LambdaBackend(SandboxOptions options, SandboxClock clock, InvocationRecorder recorder, RandomGenerator random,
                         ExecutionLog log, Map<String, String> teamAccounts) {
        this.teamAccounts = Map.copyOf(teamAccounts);
        this.options = options;
        this.quotas = options.lambda().quotas() ? new ControlPlaneQuotas(System::nanoTime) : null;
        this.clock = clock;
        this.recorder = recorder;
        this.random = random;
        this.log = log;
        this.stateFile = options.lambda().stateFile().map(StateFile::new);
        FunctionStore store = new FunctionStore(() -> stateFile.ifPresent(StateFile::changed), RequestScope.DEFAULT);
        stateFile.ifPresent(f -> f.source(store::snapshot));
        Optional<List<LambdaFunction.FunctionSnapshot>> saved = stateFile.flatMap(StateFile::load);
        if (saved.isPresent()) {
            saved.get().forEach(s -> store.addQuietly(LambdaFunction.restore(s, store.arns())));
        } else if (options.lambda().seedDemoData()) {
            DemoAccount.seed(store, clock.instant());
        }
        DemoAccount.addSynthetic(store, options.lambda().syntheticFunctions(), clock.instant());
        this.home = place(store);
        places.put(RequestScope.DEFAULT, home);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        try {
            Arns scope = RequestScope.of(request);
            if (quotas != null && !quotas.tryAcquire(scope, request)) {
                return refuse(request, Refusal.THROTTLED, 0);
            }
            return places.computeIfAbsent(scope, this::open).routes().handle(request);
        } catch (LambdaError e) {
            return e.toResponse();
        }
    }

    /** A body over the front door's limit: Lambda's 413, naming the operation as AWS does where it is known. */
    @Override
    public SandboxResponse refuse(SandboxRequest request, Refusal refusal, long bodyLimit) {
        if (refusal != Refusal.TOO_LARGE) {
            return ProtocolHandler.super.refuse(request, refusal, bodyLimit);
        }
        String path = request.rawPath();
        String operation = path.endsWith("/invocations") ? "InvokeFunction"
                : path.endsWith("/code") ? "UpdateFunctionCode"
                : path.endsWith("/functions") || path.endsWith("/functions/") ? "CreateFunction" : null;
        return new LambdaError(413, "RequestEntityTooLargeException", "Request must be smaller than " + bodyLimit
                + " bytes" + (operation == null ? "" : " for the " + operation + " operation")).toResponse();
    }

    /**
     * Another account or region: empty, except the demo account's second region. Kept in memory only;
     * the state file holds the default place.
     */
    private Place open(Arns scope) {
        FunctionStore store = new FunctionStore(() -> { }, scope);
        if (options.lambda().seedDemoData() && scope.account().equals(RequestScope.DEFAULT_ACCOUNT)
                && scope.region().equals(DemoAccount.SECOND_REGION)) {
            DemoAccount.seedSecondRegion(store, clock.instant());
        } else if (options.lambda().seedDemoData() && teamAccounts.containsKey(scope.account())
                && scope.region().equals(RequestScope.DEFAULT_REGION)) {
            DemoAccount.seedTeamAccount(store, teamAccounts.get(scope.account()), clock.instant());
        }
        return place(store);
    }

    private Place place(FunctionStore store) {
        Invoker invoker = new Invoker(store, clock, recorder, random, log, outages);
        LambdaRoutes routes = new LambdaRoutes(new FunctionOperations(store, clock, options.lambda().stateDelay()),
                new VersionOperations(store, clock, options.lambda().stateDelay()), new AliasOperations(store), invoker,
                new ProvisionedConcurrencyOperations(store, clock), new TagOperations(store), store.arns());
        return new Place(store, routes, invoker);
    }

    /**
     * A dependency outage: from now on {@code errorRate} of every version's invocations of
     * {@code functionName} fail on top of their own rate (0 ends it), as when a database all versions
     * share goes down. For tests and demos of a rollout during an incident.
     */
    public void dependencyOutage(String functionName, double errorRate) {
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
        }
        if (errorRate == 0) {
            outages.remove(functionName);
        } else {
            outages.put(functionName, errorRate);
        }
    }

    /** One account and region's functions and the operations on them. */
    private record Place(FunctionStore store, LambdaRoutes routes, Invoker invoker) {
    }

    /** The seeded aliases that still exist, with their base request rates. */
    @Override
    public List<TrafficTarget> trafficTargets() {
        return DemoAccount.TRAFFIC.stream().filter(this::exists).toList();
    }

    @Override
    public void invokeSimulated(String functionName, String qualifier, Instant at) {
        home.invoker().invokeSimulated(functionName, qualifier, at);
    }

    /** Writes the state file, if one is configured. Called on shutdown. */
    public void saveState() {
        stateFile.ifPresent(StateFile::saveNow);
    }

    private boolean exists(TrafficTarget target) {
        try {
            return home.store().withFunction(target.functionName(), fn -> fn.alias(target.alias()).isPresent());
        } catch (LambdaError gone) {
            return false;
        }
    }
}
