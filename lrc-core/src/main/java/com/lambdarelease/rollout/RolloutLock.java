package com.lambdarelease.rollout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one driver of a rollout: an operating-system lock on {@code FUNCTION.ALIAS.lock}, so two
 * processes (the console and the command line, or two terminals) never drive one rollout. The OS
 * drops the lock when its process dies, so a crash never leaves a rollout locked forever.
 */
public final class RolloutLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private final long pid = ProcessHandle.current().pid();

    private RolloutLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path file(Path folder, String function, String alias) {
        return folder.resolve(function + "." + alias + ".lock");
    }

    /** The lock, or empty when another process (or another engine in this one) holds it. */
    public static Optional<RolloutLock> tryAcquire(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            // The last heartbeat stays until this driver's first: "no driver since" holds until then.
            return Optional.of(new RolloutLock(channel, lock));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not lock " + file, e);
        }
    }

    /**
     * The driver's heartbeat: the lock file says its process and when it last evaluated, so a driver
     * that died leaves the time it stopped ({@link #lastBeat}).
     */
    public void beat(java.time.Instant at) {
        beat(at, "");
    }

    /** The heartbeat, naming the driver's lease token too ({@link #lastDriver}): a later driver here knows it is gone. */
    public void beat(java.time.Instant at, String driver) {
        try {
            byte[] text = ("pid " + pid + "\nbeat " + at + "\n" + (driver.isEmpty() ? "" : "driver " + driver + "\n"))
                    .getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.truncate(text.length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not write the rollout's heartbeat to its lock file", e);
        }
    }

    /** When the driver last beat, from {@code file}; empty when it never did or the file is gone. Blocking I/O. */
    public static Optional<java.time.Instant> lastBeat(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("beat ")) {
                    return Optional.of(java.time.Instant.parse(line.substring(5).strip()));
                }
            }
            return Optional.empty();
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The lease token of the driver that last beat in {@code file}; empty when none did. Whoever holds the lock now
     * knows that driver has stopped (the OS dropped its lock), so its lease may be taken at once. Blocking I/O.
     */
    public static Optional<String> lastDriver(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("driver ")) {
                    return Optional.of(line.substring(7).strip());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when someone holds the lock now (probes by trying it). */
    public static boolean held(Path file) {
        Optional<RolloutLock> probe = tryAcquire(file);
        probe.ifPresent(RolloutLock::close);
        return probe.isEmpty();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released by the OS at exit anyway
        }
    }
}
