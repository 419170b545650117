package com.lambdarelease.bench;

import com.lambdarelease.sandbox.SandboxProcess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The first screen, measured in fresh processes side by side with the AWS CLI against one sandbox (in a
 * process of its own, warmed by two listings first)
 * (N functions, L ms added to every request; the physical limit is ceil(N/50) × L, pages being
 * sequential). Not a test: it prints figures and ratios.
 * <ol>
 *   <li>cold listing: a fresh JVM listing every function the console's way ({@link ColdListing}), plain,
 *       with an AppCDS archive of its classes, and with the archive and C1 only; when the packaged app-image
 *       bundles JDK 25 or later, on that runtime with its console launcher's JVM options (an AOT cache, C1 only,
 *       early compilation); beside it the whole
 *       {@code aws lambda list-functions} process when {@code aws} is on PATH;</li>
 *   <li>warm listing: the same JVM's later listings;</li>
 *   <li>the console (the packaged app-image when built, else the jar) connected to the sandbox as an
 *       endpoint, with its cached list from an earlier run: process start to the first cached row drawn,
 *       and, with the 15 requests/s control-plane budget an endpoint connection keeps, to the whole list
 *       fresh. Needs a display (DISPLAY, e.g. Xvfb).</li>
 * </ol>
 * Run: {@code ./mvnw -q -B -Ppackage package -DskipTests} (for the packaged console) then
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.lambdarelease.bench.FirstScreenBenchmark [-Dexec.args="10000 20 5"]}
 */
public final class FirstScreenBenchmark {

    /** The sandbox's dummy credentials and nothing of this user's AWS configuration, for the CLI and the console. */
    private static final Map<String, String> SANDBOX_CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "sandbox",
            "AWS_SECRET_ACCESS_KEY", "sandbox", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    /** lrc-app, whether Maven was started at the root (exec:java with -pl lrc-it) or in lrc-it (surefire). */
    private static final Path APP = Files.isDirectory(Path.of("lrc-app")) ? Path.of("lrc-app") : Path.of("..", "lrc-app");
    private static final Path SCRATCH = Path.of(System.getProperty("java.io.tmpdir"), "lrc-first-screen");
    private static String CLASS_PATH;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        double limitMs = Math.ceil(n / 50.0) * latencyMs;
        Files.createDirectories(SCRATCH);
        CLASS_PATH = classPath();
        // The sandbox in a process of its own, as AWS is on another machine: in this JVM (Maven's, under
        // exec:java) its class loading, JIT and garbage collection were counted against every client's listing.
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("-Xmx1g"), List.of("--no-traffic",
                "--synthetic-functions=" + (n - 5), "--latency-ms=" + latencyMs))) {
            warmUp(sandbox.endpoint().toString());
            String endpoint = sandbox.endpoint().toString();
            System.out.printf("%,d functions, %d ms a request: limit %.0f × %d ms = %.0f ms; %d runs each, median [min-max]; "
                    + "load average %.2f on %d cores%n", n, latencyMs, Math.ceil(n / 50.0), latencyMs, limitMs, runs,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            coldListings(endpoint, runs, limitMs);
            awsCli(endpoint, runs, limitMs, n);
            console(endpoint, runs, n);
        }
        underQuota(n, latencyMs, runs);
        System.exit(0);
    }

    /**
     * The same listing against a sandbox that enforces Lambda's 15 control-plane requests a second
     * ({@code --lambda-quotas}): the AWS CLI as it comes (it retries 429s with its own backoff, and
     * gives up after its attempts) beside the console, which keeps under the rate by itself.
     */
    private static void underQuota(int n, long latencyMs, int runs) throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("-Xmx1g"), List.of("--no-traffic", "--lambda-quotas",
                "--synthetic-functions=" + (n - 5), "--latency-ms=" + latencyMs))) {
            String endpoint = sandbox.endpoint().toString();
            double floorMs = Math.ceil(n / 50.0) / 15.0 * 1000;
            System.out.printf("under Lambda's 15 requests/s quota enforced by the sandbox (floor %.0f pages / 15 = %.1f s):%n",
                    Math.ceil(n / 50.0), floorMs / 1000);
            Optional<Path> aws = onPath("aws");
            if (aws.isPresent()) {
                for (int i = 0; i < Math.min(runs, 3); i++) {
                    Thread.sleep(1_500); // a full bucket for each run
                    // (not run(): a listing the CLI gives up on is a figure here, not a failure)
                    ProcessBuilder pb = new ProcessBuilder(awsListFunctions(aws.get(), endpoint)).redirectErrorStream(true);
                    pb.environment().putAll(SANDBOX_CREDENTIALS);
                    long start = System.nanoTime();
                    Process p = pb.start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    int exit = p.waitFor();
                    double ms = (System.nanoTime() - start) / 1e6;
                    System.out.printf("  aws lambda list-functions: %.0f ms, %s%n", ms, exit == 0 && out.equals(Integer.toString(n))
                            ? "listed all " + n : "exit " + exit + ": " + out.lines().reduce((a, b) -> b).orElse(""));
                }
            }
            Thread.sleep(1_500);
            console(endpoint, Math.min(runs, 3), n);
        }
    }

    /**
     * Two listings before any measured one, so every client meets a sandbox whose own code is compiled,
     * as AWS's always is.
     */
    private static void warmUp(String endpoint) throws Exception {
        run(javaCommand(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of(), endpoint, 1), Map.of(),
                l -> false, Duration.ofMinutes(5));
    }

    // ---- 1, 2: the service layer in a fresh JVM

    private static void coldListings(String endpoint, int runs, double limitMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path archive = SCRATCH.resolve("cold-listing.jsa");
        Files.deleteIfExists(archive);
        run(javaCommand(java, List.of("-XX:ArchiveClassesAtExit=" + archive), endpoint, 0), Map.of(), l -> false, Duration.ofMinutes(5));
        record Variant(String name, String java, List<String> flags) {
        }
        List<Variant> variants = new ArrayList<>(List.of(new Variant("plain JVM", java, List.of())));
        if (Files.exists(archive)) {
            variants.add(new Variant("AppCDS", java, List.of("-XX:SharedArchiveFile=" + archive)));
            variants.add(new Variant("AppCDS + C1 only", java, List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1")));
        }
        Path packaged = APP.resolve("target/dist/lambda-release-console/lib/runtime");
        int major = runtimeMajor(packaged);
        if (major >= 25) {
            // The packaged runtime with its console launcher's own JVM options (packaging/linux/script-launchers.sh),
            // its AOT cache trained here on this listing as the AppCDS archive above is.
            String packagedJava = packaged.resolve("bin/java").toString();
            List<String> launcher = launcherOptions(APP.resolve("target/dist/lambda-release-console/bin/lambda-release-console"));
            List<String> allow = launcher.stream().filter(o -> o.startsWith("--")).toList();
            Path cache = SCRATCH.resolve("cold-listing.aot");
            Files.deleteIfExists(cache);
            List<String> training = new ArrayList<>(allow);
            training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off"));
            run(javaCommand(packagedJava, training, endpoint, 0), Map.of(), l -> false, Duration.ofMinutes(5));
            if (Files.exists(cache)) {
                List<String> flags = new ArrayList<>(launcher.stream()
                        .map(o -> o.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + cache : o).toList());
                flags.add("-Xlog:aot=off");
                if (flags.stream().anyMatch(o -> o.startsWith("-XX:CompileThresholdScaling="))) {
                    // The same without the early compilation, for what that flag alone gives in this run.
                    variants.add(new Variant("packaged JDK " + major + ", AOT cache + C1 only, default compile thresholds",
                            packagedJava, flags.stream().filter(o -> !o.startsWith("-XX:CompileThresholdScaling=")).toList()));
                }
                variants.add(new Variant("packaged JDK " + major + ", its launcher's options: " + String.join(" ", launcher
                        .stream().filter(o -> o.startsWith("-XX:")).toList())
                        .replace("-XX:SharedArchiveFile=$app/lrc.jsa", "AOT cache"), packagedJava, flags));
            }
        }
        for (Variant v : variants) {
            List<Double> cold = new ArrayList<>();
            List<Double> process = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                // run 0 lists 6 times for the warm figure; runs 1..R once, so their whole-process time is one listing's
                Run r = run(javaCommand(v.java(), v.flags(), endpoint, i == 0 ? 5 : 0), Map.of(), l -> false, Duration.ofMinutes(5));
                cold.add(r.value("cold"));
                if (i > 0) {
                    process.add(r.wallMs());
                }
                warm.addAll(r.values("warm"));
            }
            System.out.printf("cold listing, console service layer, fresh JVM (%s): %s = %s the limit; whole process %s = %s%n",
                    v.name(), ms(cold), ratio(cold, limitMs), ms(process), ratio(process, limitMs));
            if (!warm.isEmpty()) {
                List<Double> steady = warm.subList(Math.min(2, warm.size() - 1), warm.size());
                System.out.printf("  warm listing, same JVM, listings 3-%d (%s): %s = %s the limit%n", warm.size(), v.name(),
                        ms(steady), ratio(steady, limitMs));
            }
        }
    }

    /**
     * The JVM options the packaged {@code launcher} script starts java with (the double-quoted words after
     * java and before {@code -cp} on its exec line), so this benchmark runs what the launchers run.
     */
    private static List<String> launcherOptions(Path launcher) throws IOException {
        String exec = Files.readAllLines(launcher).stream().filter(l -> l.startsWith("exec ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no exec line in " + launcher));
        int cp = exec.indexOf(" -cp ");
        if (cp < 0) {
            throw new IllegalStateException("no -cp on the exec line of " + launcher + ": " + exec);
        }
        List<String> words = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(exec.substring(0, cp));
        while (m.find()) {
            words.add(m.group(1));
        }
        return List.copyOf(words.subList(1, words.size()));
    }

    /** The feature release of the Java runtime at {@code runtime} (its {@code release} file), 0 when there is none. */
    private static int runtimeMajor(Path runtime) throws IOException {
        Path release = runtime.resolve("release");
        if (!Files.exists(release)) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static List<String> javaCommand(String java, List<String> flags, String endpoint, int warm) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags);
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", CLASS_PATH,
                ColdListing.class.getName(), endpoint, Integer.toString(warm)));
        return command;
    }

    // ---- the AWS CLI, as a whole process

    private static void awsCli(String endpoint, int runs, double limitMs, int n) throws Exception {
        Optional<Path> aws = onPath("aws");
        if (aws.isEmpty()) {
            System.out.println("aws lambda list-functions: no `aws` on PATH, skipped");
            return;
        }
        String version = run(List.of(aws.get().toString(), "--version"), Map.of(), l -> false, Duration.ofMinutes(1)).output().strip();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run r = run(awsListFunctions(aws.get(), endpoint), SANDBOX_CREDENTIALS, l -> false, Duration.ofMinutes(5));
            if (!r.output().strip().equals(Integer.toString(n))) {
                throw new IllegalStateException("aws listed " + r.output().strip() + " functions, not " + n);
            }
            times.add(r.wallMs());
        }
        System.out.printf("cold listing, aws lambda list-functions, whole process (%s): %s = %s the limit%n",
                version.lines().findFirst().orElse("aws"), ms(times), ratio(times, limitMs));
    }

    /** {@code aws lambda list-functions} against {@code endpoint}, printing only how many it listed. */
    private static List<String> awsListFunctions(Path aws, String endpoint) {
        return List.of(aws.toString(), "lambda", "list-functions", "--endpoint-url", endpoint, "--region", "us-east-1",
                "--output", "json", "--query", "length(Functions)");
    }

    // ---- 3: the console window

    private static void console(String endpoint, int runs, int n) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            System.out.println("console: no DISPLAY (start Xvfb and set DISPLAY), skipped");
            return;
        }
        Path packaged = APP.resolve("target/dist/lambda-release-console/bin/lambda-release-console");
        List<String> command = Files.isExecutable(packaged) ? List.of(packaged.toString())
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                APP.resolve("target/lambda-release-console.jar").toString());
        String which = Files.isExecutable(packaged)
                ? "packaged app-image, JDK " + runtimeMajor(APP.resolve("target/dist/lambda-release-console/lib/runtime"))
                + (Files.exists(packaged.resolveSibling("../lib/app/lrc.jsa").normalize()) ? ", with its archive" : "")
                : "java -jar";
        Path home = SCRATCH.resolve("console-home");
        deleteTree(home);
        Path settings = home.resolve(".config/lambda-release-console/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"connection\":{\"kind\":\"endpoint\",\"region\":\"us-east-1\",\"endpoint\":\"" + endpoint + "\"}}");
        Map<String, String> env = new java.util.HashMap<>(SANDBOX_CREDENTIALS);
        env.putAll(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "LRC_STARTUP_REPORT", "1", "LRC_EXIT_AFTER_FIRST_LISTING", "1"));
        // An earlier run: lists everything once (under the budget) and leaves its list in the cache.
        Run first = run(command, env, l -> false, Duration.ofMinutes(3));
        System.out.printf("console (%s), first start, no cache: window %s ms, whole list fresh at %s ms%n", which,
                first.startup("window-shown").orElse(-1.0), first.startup("first-listing-done").orElse(-1.0));
        List<Double> window = new ArrayList<>();
        List<Double> cachedRows = new ArrayList<>();
        List<Double> seenCachedRows = new ArrayList<>();
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run r = run(command, env, l -> false, Duration.ofMinutes(3));
            window.add(r.startup("window-shown").orElseThrow());
            cachedRows.add(r.startup("cached-rows-shown").orElseThrow(() -> new IllegalStateException(r.output())));
            seenCachedRows.add(r.seenAt("startup: cached-rows-shown").orElseThrow());
            fresh.add(r.startup("first-listing-done").orElseThrow());
        }
        System.out.printf("console (%s), restart with %,d cached functions: window %s ms; first cached row drawn %s ms "
                + "(as seen by this benchmark, from spawning the process: %s ms); whole list fresh (15 requests/s budget) %s ms%n",
                which, n, ms(window), ms(cachedRows), ms(seenCachedRows), ms(fresh));
    }

    // ---- processes and figures

    private record Run(String output, double wallMs, List<String> lines, List<Double> lineTimes) {
        double value(String key) {
            return values(key).get(0);
        }

        List<Double> values(String key) {
            return lines.stream().filter(l -> l.startsWith(key + " ")).map(l -> Double.parseDouble(l.split(" ")[1])).toList();
        }

        /** A {@code startup: NAME MS} milestone the console reported (milliseconds since its process started). */
        Optional<Double> startup(String name) {
            return lines.stream().filter(l -> l.startsWith("startup: " + name + " "))
                    .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst();
        }

        /** When this benchmark read the first line starting with {@code prefix}, in ms from spawning the process. */
        Optional<Double> seenAt(String prefix) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return Optional.of(lineTimes.get(i));
                }
            }
            return Optional.empty();
        }
    }

    private static Run run(List<String> command, Map<String, String> env, Predicate<String> stopAt, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
                times.add((System.nanoTime() - start) / 1e6);
                out.append(line).append('\n');
                if (stopAt.test(line)) {
                    break;
                }
            }
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command + "\n" + out);
        }
        double wall = (System.nanoTime() - start) / 1e6;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + command + "\n" + out);
        }
        return new Run(out.toString(), wall, lines, times);
    }

    /**
     * The test class path (exec:java runs this class in a class loader of its own, not on java.class.path),
     * with each class directory packed into a jar: AppCDS archives only classes from jars.
     */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        if (FirstScreenBenchmark.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            for (java.net.URL u : loader.getURLs()) {
                try {
                    entries.add(Path.of(u.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            entries.addAll(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        }
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            Path p = Path.of(e);
            out.add(Files.isDirectory(p) ? jarOf(p).toString() : e);
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static Path jarOf(Path dir) {
        Path jar = SCRATCH.resolve(dir.getFileName() + ".jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return jar;
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static String ms(List<Double> xs) {
        return String.format("%.0f ms [%.0f-%.0f]", median(xs), xs.stream().mapToDouble(d -> d).min().orElse(0),
                xs.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static String ratio(List<Double> xs, double limitMs) {
        return String.format("%.2f×", median(xs) / limitMs);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
