package com.misty.auth.domain;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokensTest {

    @Test
    void tokensAre256RandomBitsInBase64url() {
        String token = RefreshTokens.newToken();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(RefreshTokens.hasTokenShape(token)).isTrue();
        assertThat(IntStream.range(0, 1000).mapToObj(i -> RefreshTokens.newToken()).distinct()).hasSize(1000);
    }

    @Test
    void aJwtOrGarbageDoesNotHaveTheShape() {
        assertThat(RefreshTokens.hasTokenShape("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isFalse();
        assertThat(RefreshTokens.hasTokenShape("")).isFalse();
        assertThat(RefreshTokens.hasTokenShape(null)).isFalse();
    }

    @Test
    void theSuccessorIsDeterministicPerTokenAndSecretAndLooksLikeAToken() {
        byte[] secret = "s".repeat(32).getBytes();
        String token = RefreshTokens.newToken();
        String successor = RefreshTokens.successorOf(token, secret);
        assertThat(RefreshTokens.successorOf(token, secret)).isEqualTo(successor);
        assertThat(RefreshTokens.successorOf(token, "t".repeat(32).getBytes())).isNotEqualTo(successor);
        assertThat(RefreshTokens.successorOf(RefreshTokens.newToken(), secret)).isNotEqualTo(successor);
        assertThat(RefreshTokens.hasTokenShape(successor)).isTrue();
    }

    @Test
    void theHashIsSha256Hex() {
        assertThat(RefreshTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
