package com.lambdarelease.sandbox.http;

/** Told of every request a service answered, with the answer the client got (CloudTrail's recorder is one). */
@FunctionalInterface
public interface CallObserver {

    CallObserver NONE = (request, response) -> { };

    void served(SandboxRequest request, SandboxResponse response);
}
