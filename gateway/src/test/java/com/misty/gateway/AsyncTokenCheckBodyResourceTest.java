package com.misty.gateway;

import com.misty.gateway.support.DownstreamStubs;
import com.misty.gateway.support.Stubs;
import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token naming a key the gateway has not fetched yet is checked asynchronously (it waits for the JWKS): the
 * request bodies that arrived meanwhile must still reach the service whole, for every one of many such requests.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class AsyncTokenCheckBodyResourceTest {

    private static final int REQUESTS = 24;
    private static final int ROUNDS = 2;
    /** {@code misty.gateway.jwt.jwks-min-refetch-interval} as {@link DownstreamStubs} sets it. */
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(5);
    /** The JDK client's default: HTTP/2, upgraded from HTTP/1.1 (h2c) as the suite's own clients do. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/api/orders/async-check")
    URL target;

    @Test
    void bodiesSentWhileTheKeySetIsFetchedReachTheServiceIntact() throws Exception {
        Stubs.delayJwks(400);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                postsWithANewlyPublishedKeyArriveWhole();
            }
        } finally {
            Stubs.delayJwks(0);
        }
    }

    private void postsWithANewlyPublishedKeyArriveWhole() throws Exception {
        KeyPair keys = rsaKeyPair();
        String kid = "async-" + UUID.randomUUID();
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
        jwk.setKeyId(kid);
        Stubs.addKey(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        // Not a timing assertion: an unknown kid is only fetched once the refetch interval since the last fetch
        // has passed, and this round needs its kid fetched (so every check below waits for the slow JWKS).
        Thread.sleep(REFETCH_INTERVAL.plusMillis(500).toMillis());
        int fetchesBefore = Stubs.jwksFetches();
        List<Sent> sent = Concurrently.run(REQUESTS, i -> () -> post(keys, kid, i));
        assertThat(Stubs.jwksFetches()).isGreaterThan(fetchesBefore);
        assertThat(sent).allSatisfy(one -> {
            assertThat(one.status()).as(one.answer()).isEqualTo(200);
            JsonObject echo = new JsonObject(one.answer());
            assertThat(echo.getString("service")).isEqualTo("orders");
            assertThat(echo.getLong("body_bytes")).isEqualTo(one.bodyBytes());
            assertThat(echo.getString("body_sha256")).isEqualTo(one.bodySha256());
        });
    }

    private Sent post(KeyPair keys, String kid, int index) throws Exception {
        // Distinct users, so the per-user rate limit stays out of the way.
        String token = TestTokens.builder("async-user-" + index + "-" + kid, "admin").jws().keyId(kid)
                .sign(keys.getPrivate());
        byte[] body = new byte[2048 + 512 * index];
        new Random(index).nextBytes(body);
        HttpRequest request = HttpRequest.newBuilder(target.toURI())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(20))
                // Every other body comes without a length.
                .POST(index % 2 == 0 ? HttpRequest.BodyPublishers.ofByteArray(body) : inPieces(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Sent(response.statusCode(), response.body(), body.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }

    /** A body of unknown length: chunked over HTTP/1.1, DATA frames without Content-Length over HTTP/2. */
    private static HttpRequest.BodyPublisher inPieces(byte[] body) {
        int size = 1024;
        List<byte[]> pieces = IntStream.range(0, (body.length + size - 1) / size)
                .mapToObj(piece -> Arrays.copyOfRange(body, piece * size, Math.min((piece + 1) * size, body.length)))
                .toList();
        return HttpRequest.BodyPublishers.ofByteArrays(pieces);
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private record Sent(int status, String answer, long bodyBytes, String bodySha256) {
    }
}
