package com.lambdarelease.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code LastModified} as Lambda writes it ({@code 2019-08-14T22:26:11.234+0000}, the API reference's
 * "YYYY-MM-DDThh:mm:ss.sTZD") read to the millisecond on the fast path, other ISO-8601 shapes still read,
 * and anything unreadable shown as the epoch rather than failing a listing.
 */
class AwsTimeTest {

    @Test
    void readsLambdasOwnLayout() {
        assertEquals(Instant.parse("2019-08-14T22:26:11.234Z"), AwsTime.parse("2019-08-14T22:26:11.234+0000"));
        assertEquals(Instant.parse("2024-02-29T23:59:59.999Z"), AwsTime.parse("2024-02-29T23:59:59.999+0000"));
        assertEquals(Instant.parse("1970-01-01T00:00:00Z"), AwsTime.parse("1970-01-01T00:00:00.000+0000"));
    }

    @Test
    void honoursAnOffsetOtherThanUtc() {
        assertEquals(Instant.parse("2026-12-01T21:30:00.500Z"), AwsTime.parse("2026-12-02T00:00:00.500+0230"));
        assertEquals(Instant.parse("2026-12-02T05:00:00.000Z"), AwsTime.parse("2026-12-02T00:00:00.000-0500"));
    }

    @Test
    void readsOtherIsoShapes() {
        assertEquals(Instant.parse("2026-12-02T06:00:00Z"), AwsTime.parse("2026-12-02T06:00:00Z"));
        assertEquals(Instant.parse("2026-12-02T06:00:00.123456Z"), AwsTime.parse("2026-12-02T06:00:00.123456+00:00"));
    }

    @Test
    void showsTheEpochForWhatCannotBeRead() {
        for (String unreadable : new String[]{null, "", "yesterday", "2026-13-02T06:00:00.000+0000",
                "2026-02-30T06:00:00.000+0000", "2026-12-02T24:00:00.000+0000", "2026-12-02T06:00:00.000+2400",
                "2026-12-02T06:0a:00.000+0000", "2026-12-02 06:00:00.000+0000", "2026-12-02T06:00:00.000*0000", "2026-12-02T06:00:00.000+0260"}) {
            assertEquals(Instant.EPOCH, AwsTime.parse(unreadable), String.valueOf(unreadable));
        }
    }
}
