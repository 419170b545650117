package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Lambda state on disk, as JSON, written so that a change is durable before it is
 * acknowledged. Each write replaces the whole file atomically: the state goes to a temp file,
 * which is fsync'd, renamed over the file, and the directory fsync'd, all before
 * {@link #changed()} returns and the request is answered. A kill -9 at any point leaves either
 * the old file or the new one, never a torn one, and never loses an acknowledged change.
 *
 * <p>Why a synced replace rather than a write-ahead log: the sandbox's state is small (the demo
 * account is about 20 KB), a whole-file write costs the same two fsyncs a log append plus its
 * checkpoint would, and there is one format to read back. Concurrent writers share a save (group
 * commit): whoever finds no save running takes a snapshot covering every change made so far,
 * and the others wait for it, so a burst of N writes costs far fewer than N fsyncs.
 *
 * <p>A file that exists but does not read stops the sandbox ({@link UnreadableStateException}),
 * naming the file and the backup; it is never silently replaced by demo data. The backup
 * ({@code FILE.bak}) is the state as of the last start that read the file.
 */
final class StateFile {

    private static final TypeReference<Stored> STORED = new TypeReference<>() {
    };

    private final Path path;
    private final Path backup;
    private Supplier<List<LambdaFunction.FunctionSnapshot>> source = List::of;

    private final Object lock = new Object();
    private long requested;
    private long durable;
    private long failedUpTo;
    private boolean saving;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
        this.backup = this.path.resolveSibling(this.path.getFileName() + ".bak");
    }

    /** Where saves read the state from. */
    void source(Supplier<List<LambdaFunction.FunctionSnapshot>> snapshots) {
        this.source = snapshots;
    }

    /**
     * The stored functions, when the file exists; empty when it does not.
     *
     * @throws UnreadableStateException when the file exists but cannot be read whole
     */
    Optional<List<LambdaFunction.FunctionSnapshot>> load() {
        removeLeftoverTemps();
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        List<LambdaFunction.FunctionSnapshot> functions;
        try {
            Stored stored = Json.MAPPER.readValue(path.toFile(), STORED);
            if (stored == null || stored.functions() == null) {
                throw new IOException("no functions list in it");
            }
            functions = stored.functions();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableStateException("The Lambda state file " + path + " is unreadable ("
                    + firstLine(e.getMessage()) + "). The sandbox did not start, so nothing was lost or overwritten. "
                    + (Files.exists(backup) ? "The state as of the last good start is in " + backup
                    + "; copy it over " + path + " to start from it, "
                    : "There is no backup (" + backup + " does not exist); ")
                    + "or move " + path + " away to start afresh.", e);
        }
        try {
            Path temp = path.resolveSibling(backup.getFileName() + ".tmp");
            Files.copy(path, temp, StandardCopyOption.REPLACE_EXISTING);
            syncFile(temp);
            moveAtomically(temp, backup);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the backup " + backup, e);
        }
        return Optional.of(functions);
    }

    /**
     * Notes a change already made in memory and returns once it is on disk (with every change
     * made before it). Called on the request's thread before the answer is sent.
     *
     * @throws UncheckedIOException when the state could not be made durable; the request then fails
     */
    void changed() {
        long mine;
        synchronized (lock) {
            mine = ++requested;
        }
        long target;
        synchronized (lock) {
            while (true) {
                if (durable >= mine) {
                    return;
                }
                if (failedUpTo >= mine) {
                    throw new UncheckedIOException(new IOException("could not write the Lambda state file " + path));
                }
                if (!saving) {
                    saving = true;
                    target = requested;
                    break;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the state was being saved", e);
                }
            }
        }
        boolean ok = false;
        try {
            write();
            ok = true;
        } finally {
            synchronized (lock) {
                if (ok) {
                    durable = Math.max(durable, target);
                } else {
                    failedUpTo = Math.max(failedUpTo, target);
                }
                saving = false;
                lock.notifyAll();
            }
        }
    }

    /** Writes the whole state now (on shutdown). */
    void saveNow() {
        changed();
    }

    private void write() {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(new Stored(1, source.get()));
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(true);
                }
                moveAtomically(temp, path);
                syncDirectory();
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Lambda state file " + path, e);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncFile(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    /** Makes the rename itself durable; some file systems (and Windows) cannot open a directory, so that is skipped. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // best effort where the platform cannot sync a directory
        }
    }

    /** Temp files a kill left behind: never read, so safe to remove. */
    private void removeLeftoverTemps() {
        if (!Files.isDirectory(path.getParent())) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(path.getParent(),
                path.getFileName() + "*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException ignored) {
            // leftovers only cost disk space
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The file's shape; {@code format} lets a later sandbox read older files. */
    record Stored(int format, List<LambdaFunction.FunctionSnapshot> functions) {
    }
}
