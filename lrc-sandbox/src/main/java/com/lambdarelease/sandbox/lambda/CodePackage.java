package com.lambdarelease.sandbox.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Uploaded code as the sandbox keeps it: never run, only fingerprinted. {@code ZipFile} arrives
 * base64-encoded; S3 locations are not fetched, so their identity is the location itself.
 */
record CodePackage(String sha256, long size) {

    /** Reads ZipFile or S3Bucket/S3Key/S3ObjectVersion from a {@code Code} object or an UpdateFunctionCode body. */
    static Optional<CodePackage> from(RequestBody code) {
        Optional<String> zip = code.string("ZipFile");
        if (zip.isPresent()) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(zip.get());
            } catch (IllegalArgumentException e) {
                throw LambdaError.badContent("Cannot deserialize value of type `byte[]` from String value at "
                        + "'ZipFile': not a valid base64 encoded value");
            }
            return Optional.of(of(bytes));
        }
        Optional<String> bucket = code.string("S3Bucket");
        Optional<String> key = code.string("S3Key");
        if (bucket.isPresent() && key.isPresent()) {
            String location = "s3://" + bucket.get() + "/" + key.get() + code.string("S3ObjectVersion").map(v -> "?" + v).orElse("");
            CodePackage fingerprint = of(location.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new CodePackage(fingerprint.sha256, 1_000_000 + Math.floorMod(location.hashCode(), 9_000_000)));
        }
        return Optional.empty();
    }

    static CodePackage of(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new CodePackage(Base64.getEncoder().encodeToString(digest), bytes.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
