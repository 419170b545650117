package com.lambdarelease.service.cache;

import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.service.connection.ConnectionSpec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's cache of function lists and of recently opened functions' versions and aliases,
 * one pair of files per connection in {@code cache/} beside {@code settings.json}. Bounded: at most
 * {@link #MAX_CONNECTIONS} connections (the least recently saved go first), {@link #MAX_FUNCTIONS}
 * functions a list, {@link #MAX_DETAILS} opened functions a connection, {@link #MAX_FILE_BYTES} a
 * file read. Versioned: a file of another format, for another connection, or one that does not
 * parse is ignored (and replaced on the next save), never an error. Files are replaced atomically.
 * Blocking I/O: call off the FX thread.
 */
public final class ListingCache {

    private static final Logger LOG = Logger.getLogger(ListingCache.class.getName());

    public static final int MAX_CONNECTIONS = 8;
    public static final int MAX_FUNCTIONS = 20_000;
    public static final int MAX_DETAILS = 50;
    /** Versions and aliases kept per opened function: the newest, the rest are read when shown. */
    public static final int MAX_VERSIONS = 200;
    public static final int MAX_ALIASES = 200;
    static final long MAX_FILE_BYTES = 16L << 20;

    private static final String FUNCTIONS = "functions-";
    private static final String DETAILS = "details-";

    private final Path dir;

    public ListingCache(Path dir) {
        this.dir = dir;
    }

    /** {@code cache/} in the directory of {@code settings.json}. */
    public static ListingCache beside(Path settingsFile) {
        return new ListingCache(settingsFile.toAbsolutePath().resolveSibling("cache"));
    }

    public Path directory() {
        return dir;
    }

    /**
     * What a connection is cached under: its kind, profile, region and endpoint (the embedded
     * sandbox's port changes every run, so it is "sandbox" and its region). The account is kept in
     * the file and checked by the listing that revalidates it.
     */
    public static String keyOf(ConnectionSpec spec) {
        if (spec instanceof ConnectionSpec.Profile p) {
            return "profile|" + p.profileName() + "|" + p.region();
        }
        if (spec instanceof ConnectionSpec.CustomEndpoint e) {
            return "endpoint|" + e.endpoint() + "|" + e.region() + "|" + e.profileName().orElse("");
        }
        return "sandbox|" + ((ConnectionSpec.Sandbox) spec).region();
    }

    /** This cache seen from one connection. */
    public ConnectionCache forConnection(ConnectionSpec spec) {
        String key = keyOf(spec);
        return new ConnectionCache() {
            @Override
            public Optional<CachedListing> functions() {
                return readFunctions(key);
            }

            @Override
            public void saveFunctions(List<FunctionSummary> functions, Instant at) {
                try {
                    ListingCache.this.saveFunctions(key, functions, at);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not save the function list to " + dir, e);
                }
            }

            @Override
            public Optional<CachedDetail> detail(String functionName) {
                return readDetail(key, functionName);
            }

            @Override
            public void saveDetail(CachedDetail detail) {
                try {
                    ListingCache.this.saveDetail(key, detail);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not save the versions of " + detail.functionName() + " to " + dir, e);
                }
            }
        };
    }

    /** The last list saved for {@code key}; empty when there is none or it cannot be read. */
    public synchronized Optional<CachedListing> readFunctions(String key) {
        Path file = file(FUNCTIONS, key);
        try (InputStream in = open(file)) {
            return in == null ? Optional.empty() : CacheCodec.readListing(in, key, MAX_FUNCTIONS);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "Ignoring the unreadable cached function list " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps the first {@link #MAX_FUNCTIONS} of {@code functions} (marked incomplete when cut), then evicts beyond {@link #MAX_CONNECTIONS}. */
    public synchronized void saveFunctions(String key, List<FunctionSummary> functions, Instant at) throws IOException {
        boolean complete = functions.size() <= MAX_FUNCTIONS;
        List<FunctionSummary> kept = complete ? functions : functions.subList(0, MAX_FUNCTIONS);
        Optional<String> account = kept.stream().findFirst().flatMap(f -> CachedListing.accountOf(f.arn()));
        CachedListing listing = new CachedListing(account, at, kept, complete);
        replace(file(FUNCTIONS, key), out -> CacheCodec.writeListing(out, key, listing));
        evict();
    }

    public synchronized Optional<CachedDetail> readDetail(String key, String functionName) {
        return Optional.ofNullable(details(key).get(functionName));
    }

    /** Keeps {@code detail} first among the connection's opened functions, at most {@link #MAX_DETAILS} of them. */
    public synchronized void saveDetail(String key, CachedDetail detail) throws IOException {
        Map<String, CachedDetail> all = new LinkedHashMap<>();
        all.put(detail.functionName(), new CachedDetail(detail.functionName(), detail.savedAt(),
                detail.versions().stream().limit(MAX_VERSIONS).toList(), detail.aliases().stream().limit(MAX_ALIASES).toList()));
        details(key).forEach(all::putIfAbsent);
        List<CachedDetail> kept = all.values().stream().limit(MAX_DETAILS).toList();
        replace(file(DETAILS, key), out -> CacheCodec.writeDetails(out, key, kept));
    }

    /** Forgets every connection's lists and details. */
    public synchronized void clear() throws IOException {
        for (Path f : cacheFiles()) {
            Files.deleteIfExists(f);
        }
    }

    private Map<String, CachedDetail> details(String key) {
        Path file = file(DETAILS, key);
        try (InputStream in = open(file)) {
            return in == null ? new LinkedHashMap<>() : CacheCodec.readDetails(in, key);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "Ignoring the unreadable cached versions " + file + ": " + e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    /** Drops the connections saved least recently beyond {@link #MAX_CONNECTIONS}, each list with its details. */
    private void evict() throws IOException {
        List<Path> lists = new ArrayList<>(cacheFiles().stream()
                .filter(f -> f.getFileName().toString().startsWith(FUNCTIONS)).toList());
        if (lists.size() <= MAX_CONNECTIONS) {
            return;
        }
        lists.sort(Comparator.comparing(ListingCache::modified).reversed());
        for (Path old : lists.subList(MAX_CONNECTIONS, lists.size())) {
            Files.deleteIfExists(old);
            Files.deleteIfExists(old.resolveSibling(old.getFileName().toString().replace(FUNCTIONS, DETAILS)));
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private List<Path> cacheFiles() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{" + FUNCTIONS + "," + DETAILS + "}*.json")) {
            files.forEach(out::add);
        }
        return out;
    }

    /** The file for {@code key}: a hash names it, so no profile or endpoint text becomes a path. */
    Path file(String prefix, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(prefix + HexFormat.of().formatHex(hash, 0, 12) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file to read, or null when it is missing; refuses one larger than {@link #MAX_FILE_BYTES}. */
    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private void replace(Path file, Writer writer) throws IOException {
        Files.createDirectories(dir);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            writer.write(out);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
