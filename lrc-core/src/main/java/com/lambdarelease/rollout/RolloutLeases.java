package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.domain.Caller;
import com.lambdarelease.domain.FunctionTags;
import com.lambdarelease.service.IdentityService;
import com.lambdarelease.service.LambdaService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Rollout leases as tags on the function, so every console and command line on the account sees who
 * drives which rollout, and two drivers on two machines never drive one alias. Per alias:
 * <ul>
 *   <li>{@code lrc:rollout:ALIAS} — {@code id=… driver=… by=… host=… step=2/4 pct=10 beat=2026-12-07T15:04:05Z}</li>
 *   <li>{@code lrc:rollout:ALIAS:owner} — the driver's caller ARN</li>
 *   <li>{@code lrc:rollout:ALIAS:terms:N} — the rollout's start and latest state, deflated and base64url'd in pieces,
 *       so another console can drive it on</li>
 * </ul>
 * Tag values keep to the characters AWS allows in tags (letters, digits, spaces, {@code _ . : / = + - @}; Lambda's
 * "Tagging Lambda functions" page: at most 50 tags, keys up to 128 characters, values up to 256). Tags carry no
 * RevisionId, so a lease is written, then read back: the driver whose token is read back holds it; the alias's
 * RevisionId still guards every alias write beneath it.
 */
public final class RolloutLeases {

    static final String PREFIX = "lrc:rollout:";
    private static final int VALUE_LIMIT = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaService lambda;
    private final IdentityService identity;
    private final Clock clock;
    private final String host;
    private final String driver;

    /**
     * @param host   this machine's name, as other consoles show it
     * @param driver this process's token (one per engine)
     */
    public RolloutLeases(LambdaService lambda, IdentityService identity, Clock clock, String host, String driver) {
        this.lambda = lambda;
        this.identity = identity;
        this.clock = clock;
        this.host = clean(host, 40);
        this.driver = clean(driver, 12);
    }

    /** Leases read on {@code services}' connection by a view or command that writes none (it drives nothing). */
    public static RolloutLeases reader(com.lambdarelease.service.ConsoleServices services) {
        return new RolloutLeases(services.lambda(), services.identity(), services.clock(), localHost(), "reader");
    }

    /** This machine's name for leases: the host name, else "unknown-host". */
    public static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }

    public String driver() {
        return driver;
    }

    /** Every lease on {@code function} (one GetFunction); empty when this connection reads no tags. */
    public CompletableFuture<List<RolloutLease>> of(String function) {
        return lambda.tags(function).thenApply(t -> parse(function, t))
                .exceptionallyCompose(e -> unsupported(e) ? CompletableFuture.completedFuture(List.of())
                        : CompletableFuture.failedFuture(e));
    }

    /** The lease on {@code function:alias}, if any. */
    public CompletableFuture<Optional<RolloutLease>> of(String function, String alias) {
        return of(function).thenApply(all -> all.stream().filter(l -> l.alias().equals(alias)).findFirst());
    }

    /**
     * Why a lease can't be taken: another live driver holds it, or it is stale and may only be taken
     * over on purpose ({@code takeOver}).
     */
    public static final class LeaseHeldException extends IllegalStateException {
        private final RolloutLease lease;

        LeaseHeldException(String message, RolloutLease lease) {
            super(message);
            this.lease = lease;
        }

        public RolloutLease lease() {
            return lease;
        }
    }

    /**
     * Takes the lease on {@code function:alias} for rollout {@code rolloutId}: refused while another driver's lease is
     * live, and over a stale one unless {@code takeOver} names that rollout. Writes, reads back, and fails when another
     * driver's token is read back. Completes with false when this connection has no tags (nothing to coordinate on).
     */
    public CompletableFuture<Boolean> acquire(String function, String alias, String rolloutId, String step,
                                              double canaryPercent, JsonNode terms, Optional<String> takeOver) {
        return acquire(function, alias, rolloutId, step, canaryPercent, terms, takeOver, Optional.empty());
    }

    /**
     * As {@link #acquire(String, String, String, String, double, JsonNode, Optional)}; a lease of {@code stoppedDriver}
     * (a driver on this machine known to have stopped: its lock is ours now) is taken even while its heartbeat is fresh.
     */
    public CompletableFuture<Boolean> acquire(String function, String alias, String rolloutId, String step,
                                              double canaryPercent, JsonNode terms, Optional<String> takeOver,
                                              Optional<String> stoppedDriver) {
        return lambda.tags(function).thenCompose(tags -> {
            Optional<RolloutLease> held = leaseOn(function, tags, alias);
            Instant now = clock.instant();
            if (held.isPresent() && !held.get().driver().equals(driver)
                    && stoppedDriver.filter(held.get().driver()::equals).isEmpty()) {
                RolloutLease l = held.get();
                if (!l.stale(now)) {
                    throw new LeaseHeldException(l.sentence(now) + " It cannot be driven from here too.", l);
                }
                if (takeOver.filter(l.rolloutId()::equals).isEmpty()) {
                    throw new LeaseHeldException(l.sentence(now) + " Take it over to drive it from here.", l);
                }
            }
            return write(tags.functionArn(), alias, rolloutId, step, canaryPercent, terms, now, held)
                    .thenCompose(v -> lambda.tags(function))
                    .thenApply(back -> {
                        Optional<RolloutLease> read = leaseOn(function, back, alias);
                        if (read.isEmpty() || !read.get().driver().equals(driver)) {
                            throw new LeaseHeldException("Another console took the lease on " + function + ":" + alias
                                    + " at the same moment" + read.map(l -> " (" + l.owner() + ")").orElse("")
                                    + "; this one does not drive it.", read.orElse(null));
                        }
                        return true;
                    });
        }).exceptionallyCompose(e -> unsupported(e) ? CompletableFuture.completedFuture(false)
                : CompletableFuture.failedFuture(e));
    }

    /**
     * Renews this driver's lease: reads it, and writes a new heartbeat (and terms) only while it is still this
     * driver's. Completes with the lease found when another driver holds it now (this one must stop writing).
     */
    public CompletableFuture<Optional<RolloutLease>> renew(String function, String alias, String rolloutId, String step,
                                                           double canaryPercent, JsonNode terms) {
        return lambda.tags(function).thenCompose(tags -> {
            Optional<RolloutLease> held = leaseOn(function, tags, alias);
            if (held.isPresent() && !held.get().driver().equals(driver)) {
                return CompletableFuture.completedFuture(held);
            }
            return write(tags.functionArn(), alias, rolloutId, step, canaryPercent, terms, clock.instant(), held)
                    .thenApply(v -> Optional.<RolloutLease>empty());
        }).exceptionallyCompose(e -> unsupported(e) ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.failedFuture(e));
    }

    /** Removes this driver's lease on {@code function:alias} (a rollout that ended); leaves another driver's. */
    public CompletableFuture<Void> release(String function, String alias) {
        return lambda.tags(function).thenCompose(tags -> {
            List<String> keys = keysOf(tags, alias);
            Optional<RolloutLease> held = leaseOn(function, tags, alias);
            if (keys.isEmpty() || held.filter(l -> !l.driver().equals(driver)).isPresent()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            return lambda.untag(tags.functionArn(), keys);
        }).exceptionallyCompose(e -> unsupported(e) ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(e));
    }

    private CompletableFuture<Void> write(String arn, String alias, String rolloutId, String step, double canaryPercent,
                                          JsonNode terms, Instant now, Optional<RolloutLease> before) {
        return identity.caller().handle((c, e) -> Optional.ofNullable(c)).thenCompose(caller -> {
            Map<String, String> tags = new LinkedHashMap<>();
            String base = PREFIX + aliasKey(alias);
            tags.put(base, "id=" + rolloutId + " driver=" + driver + " by=" + clean(caller.map(Caller::name).orElse("unknown"), 64)
                    + " host=" + host + " step=" + clean(step, 9) + " pct=" + com.lambdarelease.domain.Weight.percentNumber(canaryPercent)
                    + " beat=" + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            tags.put(base + ":owner", clean(caller.map(Caller::arn).orElse("unknown"), VALUE_LIMIT));
            List<String> pieces = pieces(terms);
            for (int i = 0; i < pieces.size(); i++) {
                tags.put(base + ":terms:" + i, pieces.get(i));
            }
            return lambda.tag(arn, tags);
        });
    }

    /** The alias as it appears in tag keys: itself, or (past 100 characters) a cut with a hash, so keys stay within 128. */
    static String aliasKey(String alias) {
        return alias.length() <= 100 ? alias
                : alias.substring(0, 90) + "~" + String.format(Locale.ROOT, "%08x", alias.hashCode());
    }

    private static List<String> keysOf(FunctionTags tags, String alias) {
        String base = PREFIX + aliasKey(alias);
        return tags.tags().keySet().stream().filter(k -> k.equals(base) || k.startsWith(base + ":")).toList();
    }

    /** The leases among a function's tags; a lease line that can't be read is left out. */
    static List<RolloutLease> parse(String function, FunctionTags tags) {
        List<RolloutLease> out = new ArrayList<>();
        for (Map.Entry<String, String> t : tags.tags().entrySet()) {
            String key = t.getKey();
            if (!key.startsWith(PREFIX) || key.substring(PREFIX.length()).contains(":")) {
                continue;
            }
            String alias = key.substring(PREFIX.length());
            Map<String, String> fields = fields(t.getValue());
            try {
                StringBuilder encoded = new StringBuilder();
                for (int i = 0; tags.tags().containsKey(key + ":terms:" + i); i++) {
                    encoded.append(tags.tags().get(key + ":terms:" + i));
                }
                out.add(new RolloutLease(function, alias, fields.getOrDefault("id", ""), fields.getOrDefault("driver", ""),
                        fields.getOrDefault("by", "unknown"), tags.tags().getOrDefault(key + ":owner", ""),
                        fields.getOrDefault("host", "unknown-host"), fields.getOrDefault("step", ""),
                        Double.parseDouble(fields.getOrDefault("pct", "0")), Instant.parse(fields.get("beat")),
                        terms(encoded.toString())));
            } catch (RuntimeException e) {
                // not a lease this tool wrote, or cut: not shown as one
            }
        }
        return out;
    }

    private static Map<String, String> fields(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : value.trim().split(" +")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return out;
    }

    /** {@code terms} as JSON, deflated, base64url'd (its alphabet is within the tag characters) and cut to values. */
    static List<String> pieces(JsonNode terms) {
        byte[] raw = terms.toString().getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < encoded.length(); i += VALUE_LIMIT) {
            pieces.add(encoded.substring(i, Math.min(encoded.length(), i + VALUE_LIMIT)));
        }
        return pieces;
    }

    static Optional<JsonNode> terms(String encoded) {
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        try {
            Inflater inflater = new Inflater();
            inflater.setInput(Base64.getUrlDecoder().decode(encoded));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > 64 * 1024) {
                    return Optional.empty(); // bounded: a lease's terms are a few hundred bytes
                }
            }
            inflater.end();
            return Optional.of(JSON.readTree(out.toByteArray()));
        } catch (IOException | DataFormatException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code s} within AWS's tag characters and {@code max} long: anything else becomes '_'. */
    static String clean(String s, int max) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isLetterOrDigit(c) || " _.:/=+-@".indexOf(c) >= 0
                ? (c == ' ' ? '_' : c) : '_'));
        return b.length() <= max ? b.toString() : b.substring(0, max);
    }

    /** True when the connection reads or writes no tags at all (a fake), not a failure of AWS's. */
    private static boolean unsupported(Throwable e) {
        return com.lambdarelease.service.errors.AwsErrors.translate(e) instanceof UnsupportedOperationException;
    }

    private static Optional<RolloutLease> leaseOn(String function, FunctionTags tags, String alias) {
        return parse(function, tags).stream().filter(l -> l.alias().equals(alias)).findFirst();
    }
}
