package com.lambdarelease.service.cache;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.service.connection.ConnectionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The function-list cache on disk: what it keeps, its bounds, and files it must ignore. */
class ListingCacheTest {

    @TempDir
    Path dir;

    private static final Instant AT = Instant.parse("2026-12-01T21:14:00Z");
    private static final ConnectionSpec PROFILE = new ConnectionSpec.Profile("prod-admin", "eu-west-1");

    static FunctionSummary fn(int i) {
        return new FunctionSummary(String.format("fn-%05d", i), "arn:aws:lambda:eu-west-1:111122223333:function:fn-" + i,
                "python3.13", 128 + i, 3, Instant.parse("2026-11-30T10:00:00Z").plusSeconds(i), "secret-looking description " + i);
    }

    @Test
    void aSavedListReadsBackWithNamesRuntimeMemoryAndLastModifiedButNoDescription() {
        ConnectionCache cache = new ListingCache(dir).forConnection(PROFILE);
        cache.saveFunctions(List.of(fn(1), fn(2)), AT);
        CachedListing read = cache.functions().orElseThrow();
        assertThat(read.savedAt()).isEqualTo(AT);
        assertThat(read.account()).contains("111122223333");
        assertThat(read.complete()).isTrue();
        assertThat(read.functions()).extracting(FunctionSummary::name).containsExactly("fn-00001", "fn-00002");
        FunctionSummary one = read.functions().get(0);
        assertThat(one).isEqualTo(new FunctionSummary("fn-00001", fn(1).arn(), "python3.13", 129, 3, fn(1).lastModified(), ""));
    }

    @Test
    void eachConnectionHasItsOwnListAndTheSandboxIsTheSameWhateverItsPort() {
        ListingCache cache = new ListingCache(dir);
        cache.forConnection(PROFILE).saveFunctions(List.of(fn(1)), AT);
        cache.forConnection(new ConnectionSpec.Profile("prod-admin", "us-east-1")).saveFunctions(List.of(fn(2)), AT);
        assertThat(cache.forConnection(PROFILE).functions().orElseThrow().functions()).extracting(FunctionSummary::name)
                .containsExactly("fn-00001");
        assertThat(cache.forConnection(new ConnectionSpec.CustomEndpoint(URI.create("http://127.0.0.1:4599"), "eu-west-1",
                Optional.empty())).functions()).isEmpty();
        assertThat(ListingCache.keyOf(new ConnectionSpec.Sandbox())).isEqualTo("sandbox|us-east-1");
    }

    @Test
    void aListLongerThanTheBoundIsCutAndMarkedIncomplete() {
        ConnectionCache cache = new ListingCache(dir).forConnection(PROFILE);
        List<FunctionSummary> many = IntStream.range(0, ListingCache.MAX_FUNCTIONS + 5).mapToObj(ListingCacheTest::fn).toList();
        cache.saveFunctions(many, AT);
        CachedListing read = cache.functions().orElseThrow();
        assertThat(read.functions()).hasSize(ListingCache.MAX_FUNCTIONS);
        assertThat(read.complete()).isFalse();
    }

    @Test
    void atMostEightConnectionsAreKeptTheLeastRecentlySavedGoFirst() throws IOException {
        ListingCache cache = new ListingCache(dir);
        for (int i = 0; i < ListingCache.MAX_CONNECTIONS + 2; i++) {
            ConnectionSpec spec = new ConnectionSpec.Profile("p" + i, "us-east-1");
            cache.forConnection(spec).saveFunctions(List.of(fn(i)), AT);
            cache.forConnection(spec).saveDetail(new CachedDetail("fn-" + i, AT, List.of(), List.of()));
            // mtimes one second apart, so the order does not hang on the file system's clock resolution
            Files.setLastModifiedTime(cache.file("functions-", ListingCache.keyOf(spec)), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("functions-")).count())
                    .isEqualTo(ListingCache.MAX_CONNECTIONS);
        }
        assertThat(cache.forConnection(new ConnectionSpec.Profile("p0", "us-east-1")).functions()).isEmpty();
        assertThat(cache.forConnection(new ConnectionSpec.Profile("p0", "us-east-1")).detail("fn-0")).isEmpty();
        assertThat(cache.forConnection(new ConnectionSpec.Profile("p9", "us-east-1")).functions()).isPresent();
    }

    @Test
    void aFileOfAnotherFormatIsIgnored() throws IOException {
        ListingCache cache = new ListingCache(dir);
        String key = ListingCache.keyOf(PROFILE);
        Files.createDirectories(dir);
        Files.writeString(cache.file("functions-", key), "{\"format\":0,\"key\":\"" + key.replace("|", "|")
                + "\",\"savedAt\":1,\"functions\":[[\"old\",\"a\",\"r\",1,1,1]]}");
        assertThat(cache.forConnection(PROFILE).functions()).isEmpty();
        Files.writeString(cache.file("functions-", key), "{\"format\":" + (CacheCodec.FORMAT + 1) + ",\"key\":\"" + key
                + "\",\"savedAt\":1,\"functions\":[{\"name\":\"new\"}]}");
        assertThat(cache.forConnection(PROFILE).functions()).isEmpty();
    }

    @Test
    void aCorruptOrTruncatedFileIsIgnoredAndTheNextSaveReplacesIt() throws IOException {
        ListingCache cache = new ListingCache(dir);
        ConnectionCache connection = cache.forConnection(PROFILE);
        connection.saveFunctions(List.of(fn(1), fn(2), fn(3)), AT);
        Path file = cache.file("functions-", ListingCache.keyOf(PROFILE));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(connection.functions()).as("truncated").isEmpty();
        Files.write(file, new byte[] {0, (byte) 0xff, 17, '{'});
        assertThat(connection.functions()).as("binary garbage").isEmpty();
        Files.writeString(file, "[1,2,3]", StandardCharsets.UTF_8);
        assertThat(connection.functions()).as("not an object").isEmpty();
        Files.writeString(cache.file("details-", ListingCache.keyOf(PROFILE)), "{\"format\":1,\"key\":");
        assertThat(connection.detail("fn-00001")).isEmpty();
        connection.saveFunctions(List.of(fn(4)), AT);
        assertThat(connection.functions().orElseThrow().functions()).extracting(FunctionSummary::name).containsExactly("fn-00004");
    }

    @Test
    void aFileLargerThanTheBoundIsNotRead() throws IOException {
        ListingCache cache = new ListingCache(dir);
        Path file = cache.file("functions-", ListingCache.keyOf(PROFILE));
        Files.createDirectories(dir);
        Files.write(file, new byte[(int) ListingCache.MAX_FILE_BYTES + 1]);
        assertThat(cache.forConnection(PROFILE).functions()).isEmpty();
    }

    @Test
    void versionsAndAliasesAreKeptWithoutEnvironmentValuesMostRecentlyOpenedFirstAndBounded() throws IOException {
        ListingCache cache = new ListingCache(dir);
        ConnectionCache connection = cache.forConnection(PROFILE);
        FunctionConfig v1 = new FunctionConfig("orders", "arn:aws:lambda:eu-west-1:111122223333:function:orders:1", "1",
                "first", "nodejs20.x", "index.handler", 256, 10, "arn:aws:iam::111122223333:role/r", "abc123", 42,
                AT, "rev-1", List.of(), Map.of("DB_PASSWORD", "hunter2"), Optional.empty());
        AliasRoute live = new AliasRoute("orders", "live", "arn:aws:lambda:eu-west-1:111122223333:function:orders:live",
                TrafficSplit.canary("7", "8", 0.1), "Live traffic", "rev-a");
        connection.saveDetail(new CachedDetail("orders", AT, List.of(v1), List.of(live)));
        CachedDetail read = connection.detail("orders").orElseThrow();
        assertThat(read.versions()).singleElement().satisfies(v -> {
            assertThat(v.environment()).isEmpty();
            assertThat(v.version()).isEqualTo("1");
            assertThat(v.memoryMb()).isEqualTo(256);
            assertThat(v.codeSha256()).isEqualTo("abc123");
        });
        assertThat(read.aliases()).containsExactly(live);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).doesNotContain("hunter2").doesNotContain("DB_PASSWORD");
            }
        }
        for (int i = 0; i < ListingCache.MAX_DETAILS + 3; i++) {
            connection.saveDetail(new CachedDetail("f" + i, AT, List.of(), List.of()));
        }
        assertThat(connection.detail("orders")).as("the least recently opened went first").isEmpty();
        assertThat(connection.detail("f" + (ListingCache.MAX_DETAILS + 2))).isPresent();
        assertThat(connection.detail("f3")).isPresent();
        assertThat(connection.detail("f2")).isEmpty();
    }

    @Test
    void clearingForgetsEveryConnection() throws IOException {
        ListingCache cache = new ListingCache(dir);
        cache.forConnection(PROFILE).saveFunctions(List.of(fn(1)), AT);
        cache.forConnection(new ConnectionSpec.Sandbox()).saveFunctions(List.of(fn(2)), AT);
        cache.forConnection(PROFILE).saveDetail(new CachedDetail("fn-00001", AT, List.of(), List.of()));
        cache.clear();
        assertThat(cache.forConnection(PROFILE).functions()).isEmpty();
        assertThat(cache.forConnection(new ConnectionSpec.Sandbox()).functions()).isEmpty();
        assertThat(cache.forConnection(PROFILE).detail("fn-00001")).isEmpty();
        new ListingCache(dir.resolve("never-made")).clear(); // nothing to clear is not an error
    }
}
