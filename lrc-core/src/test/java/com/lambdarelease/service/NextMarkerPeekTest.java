package com.lambdarelease.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The early read of a listing page's NextMarker: only the top-level string, only when it reads plainly. */
class NextMarkerPeekTest {

    private static String marker(String json) {
        return NextMarkerPeek.nextMarker(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheTopLevelMarkerWhereverItStands() {
        assertThat(marker("{\"Functions\":[{\"FunctionName\":\"a\"}],\"NextMarker\":\"YWJj+/=\"}")).isEqualTo("YWJj+/=");
        assertThat(marker("{\"NextMarker\" : \"m2\", \"Versions\":[]}")).isEqualTo("m2");
        assertThat(marker("{\"Aliases\":[{\"Name\":\"prod\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"2\":0.1}}}],"
                + "\"NextMarker\":\"m3\"}")).isEqualTo("m3");
    }

    @Test
    void aNestedKeyOfThatNameIsNotTheMarker() {
        assertThat(marker("{\"Functions\":[{\"Environment\":{\"Variables\":{\"NextMarker\":\"not-it\"}}}]}")).isNull();
        assertThat(marker("{\"Functions\":[{\"Environment\":{\"Variables\":{\"NextMarker\":\"not-it\"}}}],\"NextMarker\":\"m\"}"))
                .isEqualTo("m");
        assertThat(marker("{\"Functions\":[{\"Description\":\"say \\\"NextMarker\\\":\\\"x\\\"\"}]}")).isNull();
    }

    @Test
    void aLastPageOrAMarkerThatDoesNotReadPlainlyIsNotReported() {
        assertThat(marker("{\"Functions\":[],\"NextMarker\":null}")).isNull();
        assertThat(marker("{\"Functions\":[]}")).isNull();
        assertThat(marker("{\"Functions\":[],\"NextMarker\":\"\"}")).isNull();
        assertThat(marker("{\"Functions\":[],\"NextMarker\":\"a\\/b\"}")).isNull();
        assertThat(marker("{\"Functions\":[],\"NextMarker\":\"cut off")).isNull();
        assertThat(marker("{\"Functions\":[],\"NextMarker\":12}")).isNull();
        assertThat(marker("not json")).isNull();
    }
}
