package com.lambdarelease.sandbox.logs;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One account and region's log groups. Holds at most {@code maxEvents} events: past that the
 * oldest-written event goes (its stream, once empty, with it), so memory stays bounded however
 * long the sandbox runs. One lock guards everything; readers do bounded work under it.
 */
final class LogStore {

    private final int maxEvents;
    private final TreeMap<String, LogGroup> groups = new TreeMap<>();
    /** The stream of every stored event, in the order written: the front is the next to drop. */
    private final ArrayDeque<LogStream> writeOrder = new ArrayDeque<>();
    private final ArrayDeque<LogGroup> writeGroups = new ArrayDeque<>();
    private long seq;

    LogStore(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Appends {@code message} to the stream, creating the group and stream (at {@code timestamp}) if need be. */
    synchronized void append(String groupName, String streamName, long timestamp, long ingestionTime, String message) {
        LogGroup group = groups.computeIfAbsent(groupName, n -> new LogGroup(n, timestamp));
        LogStream stream = group.streams.computeIfAbsent(streamName, n -> new LogStream(n, timestamp));
        LogEvent event = new LogEvent(timestamp, ingestionTime, ++seq, message);
        stream.add(event);
        group.storedBytes += event.size();
        writeOrder.addLast(stream);
        writeGroups.addLast(group);
        while (writeOrder.size() > maxEvents) {
            LogStream oldest = writeOrder.pollFirst();
            LogGroup its = writeGroups.pollFirst();
            its.storedBytes -= oldest.size() == 0 ? 0 : oldest.get(0).size();
            if (oldest.dropOldest() && its.streams.get(oldest.name) == oldest) {
                its.streams.remove(oldest.name);
            }
        }
    }

    /** Runs {@code read} under the store's lock, so it sees one consistent state. */
    synchronized <T> T read(Function<LogStore, T> read) {
        return read.apply(this);
    }

    TreeMap<String, LogGroup> groups() {
        return groups;
    }

    Optional<LogGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    synchronized int eventCount() {
        return writeOrder.size();
    }
}
