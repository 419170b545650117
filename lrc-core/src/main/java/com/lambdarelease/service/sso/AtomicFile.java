package com.lambdarelease.service.sso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a file as one step: the new text goes to a temporary file in the same folder, made with
 * the permissions asked for (where the file system keeps them), then renamed over the old one, so
 * a reader (the AWS CLI) never sees half a file.
 */
final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes {@code text} to {@code file}; {@code permissions} such as {@code rw-------}, or the old file's when empty. */
    static void replace(Path file, String text, Optional<String> permissions) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = file.toAbsolutePath().getParent();
        Optional<Set<PosixFilePermission>> wanted = Optional.empty();
        if (posix) {
            wanted = permissions.isPresent() ? Optional.of(PosixFilePermissions.fromString(permissions.get()))
                    : Files.isRegularFile(file) ? Optional.of(Files.getPosixFilePermissions(file)) : Optional.empty();
        }
        Path temp = wanted.isPresent()
                ? Files.createTempFile(dir, ".tmp-", ".part", PosixFilePermissions.asFileAttribute(wanted.get()))
                : Files.createTempFile(dir, ".tmp-", ".part");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates {@code dir} (and its parents) with {@code permissions} where the file system keeps them. */
    static void createDirectories(Path dir, String permissions) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        } else {
            Files.createDirectories(dir);
        }
    }
}
