package com.lambdarelease.sandbox.logs;

import java.util.TreeMap;

/** One log group and its streams by name (so listings come in AWS's name order). Guarded by its store's lock. */
final class LogGroup {

    final String name;
    final long creationTime;
    final TreeMap<String, LogStream> streams = new TreeMap<>();
    long storedBytes;

    LogGroup(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }
}
