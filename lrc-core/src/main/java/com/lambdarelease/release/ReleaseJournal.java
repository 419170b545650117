package com.lambdarelease.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.TrafficSplit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every alias change, appended as one JSON line to {@code journal.jsonl} under the user's config
 * directory, so the charts' markers survive a restart and the command line can print the history.
 * A torn last line (a crash mid-write) is skipped on read, never fatal. The file is read once when
 * the journal is opened and kept in memory, so reads never touch the disk (the charts read it on
 * the FX thread); {@link #at} and {@link #append} do blocking file I/O: call them off the FX thread.
 * Without a file (tests, or a read-only home) it keeps entries in memory only.
 */
public final class ReleaseJournal {

    private static final Logger LOG = Logger.getLogger(ReleaseJournal.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> file;
    private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> records = new CopyOnWriteArrayList<>();
    private final List<Feedback> writeFailures = new CopyOnWriteArrayList<>();

    private ReleaseJournal(Optional<Path> file) {
        this.file = file;
    }

    /** A journal kept in {@code file} (created with its folder on the first append); reads what it holds. */
    public static ReleaseJournal at(Path file) {
        ReleaseJournal journal = new ReleaseJournal(Optional.of(file));
        journal.entries.addAll(readFile(file));
        return journal;
    }

    /** A journal that forgets everything when the process ends. */
    public static ReleaseJournal inMemory() {
        return new ReleaseJournal(Optional.empty());
    }

    /** {@code journal.jsonl} beside {@code settings.json}. */
    public static Path defaultFile(Path settingsFile) {
        return settingsFile.resolveSibling("journal.jsonl");
    }

    public Optional<Path> file() {
        return file;
    }

    /**
     * Tells {@code feedback} whenever a line could not be written: the change it records is done, so
     * that is not the change's failure, but the operator must know the journal is missing it.
     */
    public void reportWriteFailuresTo(Feedback feedback) {
        writeFailures.add(feedback);
    }

    private void writeFailed(IOException e) {
        LOG.log(Level.WARNING, "Could not append to the release journal " + file.orElseThrow(), e);
        writeFailures.forEach(f -> f.failure("Could not append to the release journal " + file.orElseThrow(), e));
    }

    /** Appends {@code entry} as one line, then tells the listeners (on this thread). */
    public synchronized void append(JournalEntry entry) {
        if (file.isPresent()) {
            try {
                Files.createDirectories(file.get().toAbsolutePath().getParent());
                byte[] line = (JSON.writeValueAsString(toJson(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
                Files.write(file.get(), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
            } catch (IOException e) {
                // The change itself is done; losing its journal line must not turn it into a failure.
                writeFailed(e);
            }
        }
        entries.add(entry);
        listeners.forEach(l -> l.accept(entry));
    }

    /**
     * Appends a record of another type (a rollout's transitions, {@code "type":"rollout"}) to the
     * same file, so one file tells the whole story. Such lines have no {@code action}, so readers
     * of alias changes, old ones included, skip them.
     */
    public synchronized void appendRecord(ObjectNode record) {
        if (!record.hasNonNull("type")) {
            throw new IllegalArgumentException("a journal record needs a type");
        }
        if (file.isPresent()) {
            try {
                Files.createDirectories(file.get().toAbsolutePath().getParent());
                byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
                Files.write(file.get(), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
            } catch (IOException e) {
                writeFailed(e);
            }
        } else {
            records.add(record.deepCopy());
        }
    }

    /**
     * The records of {@code type}, oldest first, as the file holds them now (another process, the
     * console or the command line, may have appended since); blocking I/O. The file is parsed again
     * only when its size or modification time changed since the last look: rollout panels, charts
     * and a foreground driver ask every few seconds, mostly of an unchanged file.
     */
    public List<ObjectNode> records(String type) {
        if (file.isEmpty()) {
            return records.stream().filter(r -> type.equals(r.path("type").asText())).map(ObjectNode::deepCopy).toList();
        }
        return fileRecords().stream().filter(r -> type.equals(r.path("type").asText())).map(ObjectNode::deepCopy).toList();
    }

    /** What the file was when it was last parsed, and the typed records it held then. */
    private record Parsed(long size, long modified, List<ObjectNode> records) {
    }

    private volatile Parsed parsed = new Parsed(-1, -1, List.of());

    private List<ObjectNode> fileRecords() {
        Path f = file.orElseThrow();
        try {
            if (!Files.isRegularFile(f)) {
                return List.of();
            }
            long size = Files.size(f);
            long modified = Files.getLastModifiedTime(f).toMillis();
            Parsed last = parsed;
            if (last.size() == size && last.modified() == modified) {
                return last.records();
            }
            List<ObjectNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.contains("\"type\"")) {
                    try {
                        if (JSON.readTree(line) instanceof ObjectNode o && o.hasNonNull("type")) {
                            out.add(o);
                        }
                    } catch (IOException torn) {
                        // a torn last line: skipped
                    }
                }
            }
            parsed = new Parsed(size, modified, List.copyOf(out));
            return parsed.records();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read the release journal " + f, e);
            return List.of();
        }
    }

    /** Every entry, oldest first. */
    public List<JournalEntry> read() {
        return List.copyOf(entries);
    }

    /** The entries of a journal file; unreadable lines (a torn last line) are skipped. */
    public static List<JournalEntry> readFile(Path file) {
        List<JournalEntry> out = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    parse(line).ifPresent(out::add);
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.log(Level.WARNING, "Could not read the release journal " + file, e);
            }
        }
        return out;
    }

    /** Entries for {@code function} (and {@code alias} when given), oldest first. */
    public List<JournalEntry> read(Optional<String> function, Optional<String> alias) {
        return read().stream()
                .filter(e -> function.map(e.function()::equals).orElse(true))
                .filter(e -> alias.map(e.alias()::equals).orElse(true))
                .toList();
    }

    /** Routing changes applied to {@code function:alias} in [{@code from}, {@code to}), oldest first. */
    public List<JournalEntry> routingChanges(String function, String alias, Instant from, Instant to) {
        return read(Optional.of(function), Optional.of(alias)).stream()
                .filter(JournalEntry::changedRouting)
                .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                .toList();
    }

    /** Tells {@code listener} of every new entry, on the appending thread; run the result to stop. */
    public Runnable subscribe(Consumer<JournalEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }

    /** An entry as the journal writes it (and the command line prints it with --output json). */
    public static ObjectNode toJson(JournalEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("at", e.at().toString());
        n.put("connection", e.connection());
        n.put("account", e.account());
        n.put("region", e.region());
        n.put("who", e.who());
        n.put("function", e.function());
        n.put("alias", e.alias());
        n.put("action", e.action());
        n.set("before", splitJson(e.before()));
        n.set("after", splitJson(e.after()));
        n.put("basedOnRevision", e.basedOnRevision());
        n.put("newRevision", e.newRevision());
        n.put("outcome", e.outcome());
        n.put("message", e.message());
        return n;
    }

    /** A split as AWS spells it ({"functionVersion":"3","additionalVersionWeights":{"4":0.1}}), or null. */
    public static JsonNode splitJson(Optional<TrafficSplit> split) {
        if (split.isEmpty()) {
            return JSON.nullNode();
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("functionVersion", split.get().primaryVersion());
        ObjectNode weights = n.putObject("additionalVersionWeights");
        split.get().additionalVersionWeights().forEach(weights::put);
        return n;
    }

    static Optional<JournalEntry> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(line);
            if (n.hasNonNull("type")) {
                return Optional.empty(); // another record type (a rollout's), not an alias change
            }
            return Optional.of(new JournalEntry(Instant.parse(n.path("at").asText()), n.path("connection").asText(""),
                    n.path("account").asText(""), n.path("region").asText(""), n.path("who").asText(""),
                    text(n, "function"), text(n, "alias"), text(n, "action"), split(n.get("before")),
                    split(n.get("after")), n.path("basedOnRevision").asText(""), n.path("newRevision").asText(""),
                    text(n, "outcome"), n.path("message").asText("")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn or foreign line: skipped, never fatal
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("journal line without " + field);
        }
        return v.asText();
    }

    private static Optional<TrafficSplit> split(JsonNode n) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        Map<String, Double> weights = new java.util.LinkedHashMap<>();
        n.path("additionalVersionWeights").fields().forEachRemaining(f -> weights.put(f.getKey(), f.getValue().asDouble()));
        return Optional.of(TrafficSplit.fromRouting(text(n, "functionVersion"), weights));
    }
}
