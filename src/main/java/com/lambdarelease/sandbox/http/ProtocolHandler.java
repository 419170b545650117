package com.lambdarelease.sandbox.http;

/**
 * Answers one AWS protocol (Lambda restJson1, CloudWatch CBOR or JSON). Must never throw for bad
 * input: malformed requests get an AWS-shaped 4xx. An unexpected exception is turned into a
 * 500 ServiceException by the front door, and counts as a bug.
 */
@FunctionalInterface
public interface ProtocolHandler {
    SandboxResponse handle(SandboxRequest request);
}
