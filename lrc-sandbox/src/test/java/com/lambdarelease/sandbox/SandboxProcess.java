package com.lambdarelease.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox in a process of its own ({@code SandboxCommand --port 0 …}), as an operator runs it: tests
 * that kill it, and benchmarks whose clients must not share its JVM (their garbage collection and
 * class loading would be counted as the server's latency).
 */
public final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private SandboxProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code java [jvmOptions] -cp … SandboxCommand --port 0 [sandboxArgs]} and waits for it to listen. */
    public static SandboxProcess start(List<String> jvmOptions, List<String> sandboxArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), "com.lambdarelease.sandbox.SandboxCommand", "--port", "0"));
        command.addAll(sandboxArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return new SandboxProcess(process, listeningPort(process));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** kill -9: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /**
     * The class path this code runs with: surefire's (java.class.path), or under exec:java the
     * project class loader's URLs, since there java.class.path is Maven's own.
     */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader
                && loader.getURLs().length > 1) {
            StringBuilder cp = new StringBuilder();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(url.toURI()));
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return cp.toString();
        }
        return System.getProperty("java.class.path");
    }

    /** Reads the child's "Sandbox listening on http://127.0.0.1:PORT" line, then keeps its output drained. */
    private static int listeningPort(Process sandbox) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            int at = line.indexOf("Sandbox listening on http://127.0.0.1:");
            if (at >= 0) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (IOException ignored) {
                        // the process died
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            }
        }
        throw new IllegalStateException("the sandbox did not start; it said:\n" + seen);
    }
}
