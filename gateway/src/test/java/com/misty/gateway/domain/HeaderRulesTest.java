package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderRulesTest {

    @Test
    void hopByHopHeadersIncludeThoseTheConnectionHeaderNames() {
        assertThat(HopByHopHeaders.isHopByHop("Transfer-Encoding", null)).isTrue();
        assertThat(HopByHopHeaders.isHopByHop("keep-alive", null)).isTrue();
        assertThat(HopByHopHeaders.isHopByHop("X-Custom", "keep-alive, x-custom")).isTrue();
        assertThat(HopByHopHeaders.isHopByHop("X-Other", "keep-alive, x-custom")).isFalse();
        assertThat(HopByHopHeaders.isHopByHop("Authorization", null)).isFalse();
        assertThat(HopByHopHeaders.isHopByHop("HOST", null)).isTrue();
        assertThat(HopByHopHeaders.isHopByHop("X-Custom", " Keep-Alive ,  X-CUSTOM ")).isTrue();
        assertThat(HopByHopHeaders.isHopByHop("X-Cust", "x-custom")).isFalse();
        assertThat(HopByHopHeaders.isHopByHop("X-Custom-Long", "x-custom")).isFalse();
        assertThat(HopByHopHeaders.isHopByHop("X-Custom", ",,")).isFalse();
    }

    @Test
    void onlyWellFormedRequestIdsAreKept() {
        assertThat(RequestIds.keepOrCreate("abc-123-def.45")).isEqualTo("abc-123-def.45");
        assertThat(RequestIds.keepOrCreate("short")).isNotEqualTo("short");
        assertThat(RequestIds.keepOrCreate("evil\r\nX-Injected: 1")).doesNotContain("\n");
        assertThat(RequestIds.keepOrCreate("x".repeat(200))).hasSize(36);
        assertThat(RequestIds.keepOrCreate(null)).hasSize(36);
        // New ids are version-4 UUIDs (variant 2), and fresh each time.
        java.util.UUID id = java.util.UUID.fromString(RequestIds.keepOrCreate(null));
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(0, 1000).mapToObj(i -> RequestIds.keepOrCreate(null)).distinct())
                .hasSize(1000);
    }
}
