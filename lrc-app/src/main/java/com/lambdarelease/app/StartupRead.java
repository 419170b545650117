package com.lambdarelease.app;

import com.lambdarelease.service.cache.CachedListing;
import com.lambdarelease.service.cache.ListingCache;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.settings.Settings;
import com.lambdarelease.service.settings.SettingsFile;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the console reads from disk before its first screen: the settings and the cached function
 * list of the remembered connection. Started on its own thread before the JavaFX toolkit, so the
 * disk and Jackson's first use overlap the toolkit's start instead of following it.
 *
 * @param cached the remembered connection's last list, when there is one
 */
record StartupRead(SettingsFile settingsFile, Settings settings, ListingCache cache,
                   Optional<ConnectionSpec> connection, Optional<CachedListing> cached) {

    static CompletableFuture<StartupRead> begin() {
        CompletableFuture<StartupRead> read = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                read.complete(now());
            } catch (Throwable e) {
                read.completeExceptionally(e);
            }
        }, "console-startup-read");
        t.setDaemon(true);
        t.start();
        return read;
    }

    /** Reads on the calling thread (blocking). */
    static StartupRead now() {
        SettingsFile file = new SettingsFile(
                SettingsFile.defaultFile(System.getenv(), Path.of(UserHomeDirectoryUtils.userHomeDirectory())));
        Settings settings = file.read();
        ListingCache cache = ListingCache.beside(file.file());
        Optional<ConnectionSpec> connection = settings.lastConnection();
        return new StartupRead(file, settings, cache, connection,
                connection.flatMap(spec -> cache.forConnection(spec).functions()));
    }
}
