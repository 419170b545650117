package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Lambda state on disk, as JSON. Writes are debounced: the first change schedules one save
 * {@link #DELAY_MS} later, and every change until then rides along. That keeps a burst of writes
 * (a rollout stepping its weights, a script publishing versions) to one file write, never makes a
 * request wait on the disk, and loses at most two seconds of changes if the process is killed.
 * {@link #saveNow()} runs on shutdown. Each save goes to a temp file that is then moved over the
 * old one, so a crash mid-write never leaves a torn file.
 */
final class StateFile {

    static final long DELAY_MS = 2_000;
    private static final Logger LOG = Logger.getLogger(StateFile.class.getName());
    private static final TypeReference<Stored> STORED = new TypeReference<>() {
    };

    private final Path path;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService writer;
    private Supplier<List<LambdaFunction.FunctionSnapshot>> source = List::of;

    StateFile(Path path) {
        this.path = path;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-lambda-state");
            t.setDaemon(true);
            return t;
        });
    }

    /** Where {@link #saveNow()} reads the state from. */
    void source(Supplier<List<LambdaFunction.FunctionSnapshot>> snapshots) {
        this.source = snapshots;
    }

    /** The stored functions, when the file exists and reads; a broken file is set aside and ignored. */
    Optional<List<LambdaFunction.FunctionSnapshot>> load() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(path.toFile(), STORED).functions());
        } catch (IOException | RuntimeException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + System.currentTimeMillis());
            LOG.log(Level.WARNING, "Lambda state file " + path + " is unreadable; moved to " + aside
                    + " and starting afresh", e);
            try {
                Files.move(path, aside);
            } catch (IOException moveFailed) {
                LOG.log(Level.WARNING, "could not move the unreadable state file aside", moveFailed);
            }
            return Optional.empty();
        }
    }

    /** Notes a change; the save follows within {@link #DELAY_MS}. */
    void changed() {
        if (scheduled.compareAndSet(false, true)) {
            writer.schedule(this::saveScheduled, DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void saveScheduled() {
        scheduled.set(false);
        saveNow();
    }

    /** Writes the whole state now (atomically). */
    synchronized void saveNow() {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                Json.MAPPER.writeValue(temp.toFile(), new Stored(1, source.get()));
                try {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the Lambda state file " + path, e);
        }
    }

    /** The file's shape; {@code format} lets a later sandbox read older files. */
    record Stored(int format, List<LambdaFunction.FunctionSnapshot> functions) {
    }
}
