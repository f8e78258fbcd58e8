package com.misty.gateway.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway started before auth-service (its first JWKS fetch failed), then a burst of requests carrying a
 * token with a key it has not seen: every one of them must wait for the one refetch, not only the first
 * (the others used to be refused with 401 at once; found by the suite benchmark's first burst of requests).
 */
class JwksKeysTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void concurrentMissesAllWaitForTheOneRefetch() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("key-1");
        String jwks = new JsonWebKeySet(key).toJson();
        AtomicBoolean authUp = new AtomicBoolean(false);
        HttpServer auth = vertx.createHttpServer().requestHandler(request -> {
            if (!authUp.get()) {
                request.response().setStatusCode(503).end();
            } else {
                // A slow answer, so the second miss arrives while the refetch is still running.
                vertx.setTimer(1000, id -> request.response().putHeader("Content-Type", "application/json").end(jwks));
            }
        });
        int port = auth.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        JwksKeys keys = new JwksKeys(vertx, "http://127.0.0.1:" + port + "/api/auth/jwks",
                Duration.ofSeconds(2), Duration.ofMinutes(10));
        keys.start();
        waitUntilNoFetchRuns(keys);
        Thread.sleep(2500); // past the minimum refetch interval since the failed startup fetch
        authUp.set(true);

        // Whether the key is known at the moment each request may go on (that is when it gets verified).
        List<Future<Boolean>> misses = List.of(knownWhenDone(keys), knownWhenDone(keys), knownWhenDone(keys));

        for (Future<Boolean> miss : misses) {
            assertThat(miss.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .as("the key is known when a waiting request goes on").isTrue();
        }
    }

    private static Future<Boolean> knownWhenDone(JwksKeys keys) {
        return keys.ensureKnown("key-1").map(done -> keys.find("key-1").isPresent());
    }

    private static void waitUntilNoFetchRuns(JwksKeys keys) throws Exception {
        // ensureKnown hands back the running fetch, if any; the startup fetch fails fast against the 503.
        keys.ensureKnown("unknown").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
