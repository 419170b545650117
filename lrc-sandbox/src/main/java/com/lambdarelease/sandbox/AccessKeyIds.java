package com.lambdarelease.sandbox;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Temporary access key ids ({@code ASIA} + 16 base32 characters) that carry the account they were
 * issued for, laid out as AWS's own are read by security researchers: the first 6 bytes of the
 * base32-decoded tail, masked with {@code 0x7fffffffff80} and shifted right by 7, are the account id
 * (not documented by AWS; Tal Be'ery, "A short note on AWS KEY ID", 2023). The sandbox's Identity
 * Center issues these and its Lambda reads the account back from the key, with no shared table,
 * so each account's credentials open that account's functions even after a restart.
 */
public final class AccessKeyIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Pattern TEMPORARY = Pattern.compile("ASIA[A-Z2-7]{16}");
    private static final long MASK = 0x7fffffffff80L;

    private AccessKeyIds() {
    }

    /** A fresh temporary key id for {@code accountId} (12 digits). */
    public static String temporary(String accountId, RandomGenerator random) {
        long account = Long.parseLong(accountId);
        long head = (account << 7) | random.nextInt(128);
        byte[] bytes = new byte[10];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (head >>> (8 * (5 - i)));
        }
        for (int i = 6; i < 10; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return "ASIA" + base32(bytes);
    }

    /** The account a temporary key id was issued for; empty for any other key. */
    public static Optional<String> account(String accessKeyId) {
        if (!TEMPORARY.matcher(accessKeyId).matches()) {
            return Optional.empty();
        }
        long bits = 0;
        String tail = accessKeyId.substring(4, 14); // 10 chars = 50 bits, covering the first 6 bytes
        for (char c : tail.toCharArray()) {
            bits = (bits << 5) | ALPHABET.indexOf(c);
        }
        long head = bits >>> 2; // the first 48 bits
        return Optional.of(String.format("%012d", (head & MASK) >>> 7));
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }
}
