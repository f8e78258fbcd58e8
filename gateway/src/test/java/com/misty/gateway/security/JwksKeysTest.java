package com.misty.gateway.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway started before auth-service (its first JWKS fetch failed): the keys load on their own as soon as
 * auth-service answers; a miss after a failed fetch fetches at once (the refetch interval only limits misses after a
 * successful fetch); a burst of requests carrying a token with a key it has not seen all wait for the one refetch,
 * not only the first (the others used to be refused with 401 at once; found by the suite benchmark).
 */
class JwksKeysTest {

    /** The startup retry out of the way, so only the misses under test fetch. */
    private static final Duration NO_STARTUP_RETRY = Duration.ofHours(1);

    private final Vertx vertx = Vertx.vertx();
    private final AtomicBoolean authUp = new AtomicBoolean(false);
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile long answerDelayMillis;

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void concurrentMissesAllWaitForTheOneRefetch() throws Exception {
        JwksKeys keys = startedWithAuthDown(NO_STARTUP_RETRY);
        answerDelayMillis = 1000; // a slow answer, so the later misses arrive while the refetch is still running
        authUp.set(true);

        // Whether the key is known at the moment each request may go on (that is when it gets verified).
        List<Future<Boolean>> misses = List.of(knownWhenDone(keys), knownWhenDone(keys), knownWhenDone(keys));

        for (Future<Boolean> miss : misses) {
            assertThat(miss.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .as("the key is known when a waiting request goes on").isTrue();
        }
    }

    @Test
    void theKeysLoadOnTheirOwnOnceAuthServiceAnswers() throws Exception {
        JwksKeys keys = startedWithAuthDown(Duration.ofMillis(100));
        assertThat(keys.hasKeys()).isFalse();
        assertThat(keys.canJudge("key-1")).as("no key and no successful fetch: a refusal would be the gateway's fault")
                .isFalse();

        authUp.set(true);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!keys.hasKeys() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(keys.hasKeys()).as("keys loaded by the startup retry, without any request").isTrue();
        assertThat(keys.find("key-1")).isPresent();
        assertThat(keys.canJudge("unknown-kid")).as("after a successful fetch an unknown kid is the token's fault")
                .isTrue();
    }

    @Test
    void aMissAfterAFailedFetchFetchesAtOnceButAfterASuccessfulOneIsRateLimited() throws Exception {
        JwksKeys keys = startedWithAuthDown(NO_STARTUP_RETRY);
        int before = fetches.get();
        keys.ensureKnown("key-1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        keys.ensureKnown("key-1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(fetches.get() - before).as("each miss after a failure fetches, interval or not").isEqualTo(2);
        assertThat(keys.canJudge("key-1")).isFalse();

        authUp.set(true);
        assertThat(knownWhenDone(keys).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .as("the first miss once auth-service answers loads the key, an hour-long interval notwithstanding")
                .isTrue();

        int afterSuccess = fetches.get();
        for (int i = 0; i < 5; i++) {
            keys.ensureKnown("random-kid-" + i).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertThat(fetches.get()).as("unknown kids after a successful fetch wait out the interval").isEqualTo(afterSuccess);
        assertThat(keys.canJudge("random-kid-0")).isTrue();
    }

    @Test
    void fetchesStartedFromAnyThreadReadTheWholeKeySet() throws Exception {
        // A key set large enough to arrive in several chunks; every miss refetches (no interval).
        List<JsonWebKey> published = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("key-" + i);
            published.add(key);
        }
        String jwks = new JsonWebKeySet(published).toJson();
        HttpServer auth = vertx.createHttpServer().requestHandler(request -> request.response().end(jwks));
        int port = auth.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        JwksKeys keys = new JwksKeys(vertx, "http://127.0.0.1:" + port + "/api/auth/jwks",
                Duration.ZERO, Duration.ofMinutes(10), NO_STARTUP_RETRY, NO_STARTUP_RETRY);
        keys.start();
        waitUntilNoFetchRuns(keys);

        // Misses from the test's thread and from timers on other event loops, as tokens arrive on any loop.
        for (int i = 0; i < 200; i++) {
            Future<Void> miss = i % 2 == 0 ? keys.ensureKnown("absent")
                    : vertx.timer(1).compose(fired -> keys.ensureKnown("absent"));
            miss.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(keys.canJudge("absent")).as("fetch %d read the whole key set", i).isTrue();
            assertThat(keys.all()).hasSize(40);
        }
    }

    @Test
    void aReplicaThatCannotAnswerIsPassedForTheNext() throws Exception {
        authUp.set(true);
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("key-1");
        String jwks = new JsonWebKeySet(key).toJson();
        HttpServer down = vertx.createHttpServer().requestHandler(request -> request.response().setStatusCode(503).end());
        HttpServer up = vertx.createHttpServer().requestHandler(request -> request.response().end(jwks));
        int downPort = down.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        int upPort = up.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JwksKeys keys = new JwksKeys(vertx, () -> List.of("http://127.0.0.1:" + closedPort + "/api/auth/jwks",
                "http://127.0.0.1:" + downPort + "/api/auth/jwks", "http://127.0.0.1:" + upPort + "/api/auth/jwks"),
                Duration.ofHours(1), Duration.ofMinutes(10), NO_STARTUP_RETRY, NO_STARTUP_RETRY);
        keys.start();
        waitUntilNoFetchRuns(keys);
        assertThat(keys.find("key-1")).as("read from the third URL in the one startup fetch").isPresent();
        assertThat(keys.canJudge("other-kid")).isTrue();
    }

    /**
     * A JwksKeys whose startup fetch failed (auth-service answering 503), with no fetch running any more; it retries
     * the startup fetch after {@code startupRetry}; misses of unknown kids are rate-limited to one fetch an hour.
     */
    private JwksKeys startedWithAuthDown(Duration startupRetry) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("key-1");
        String jwks = new JsonWebKeySet(key).toJson();
        HttpServer auth = vertx.createHttpServer().requestHandler(request -> {
            fetches.incrementAndGet();
            if (!authUp.get()) {
                request.response().setStatusCode(503).end();
            } else if (answerDelayMillis > 0) {
                vertx.setTimer(answerDelayMillis,
                        id -> request.response().putHeader("Content-Type", "application/json").end(jwks));
            } else {
                request.response().putHeader("Content-Type", "application/json").end(jwks);
            }
        });
        int port = auth.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        JwksKeys keys = new JwksKeys(vertx, "http://127.0.0.1:" + port + "/api/auth/jwks",
                Duration.ofHours(1), Duration.ofMinutes(10), startupRetry, startupRetry);
        keys.start();
        waitUntilNoFetchRuns(keys);
        return keys;
    }

    private static Future<Boolean> knownWhenDone(JwksKeys keys) {
        return keys.ensureKnown("key-1").map(done -> keys.find("key-1").isPresent());
    }

    private static void waitUntilNoFetchRuns(JwksKeys keys) throws Exception {
        // ensureKnown hands back the running fetch, if any; the startup fetch fails fast against the 503.
        keys.ensureKnown("unknown").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
