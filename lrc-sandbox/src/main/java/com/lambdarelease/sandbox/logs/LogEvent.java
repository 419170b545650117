package com.lambdarelease.sandbox.logs;

/**
 * One stored log event. {@code seq} orders events with the same timestamp and makes every event's
 * position unique, so paging tokens can name the place after it.
 */
record LogEvent(long timestamp, long ingestionTime, long seq, String message) {

    /** CloudWatch Logs counts an event as its UTF-8 message plus 26 bytes (PutLogEvents' rule). */
    int size() {
        return message.length() + 26;
    }

    /** True when this event comes after the position {@code (timestamp, seq)}. */
    boolean after(long ts, long s) {
        return timestamp > ts || (timestamp == ts && seq > s);
    }
}
