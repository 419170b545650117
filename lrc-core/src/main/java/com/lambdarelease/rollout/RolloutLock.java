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
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new RolloutLock(channel, lock));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not lock " + file, e);
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
