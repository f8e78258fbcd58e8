package com.misty.gateway.security;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.Downstream;
import com.misty.gateway.proxy.Upstreams;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * auth-service's signing keys, fetched from its JWKS and cached. An unknown {@code kid} triggers a refetch
 * (that is how a new key is picked up after a rotation), but after a successful fetch at most once per
 * {@code misty.gateway.jwt.jwks-min-refetch-interval}, and concurrent misses share one fetch, so tokens with
 * random kids cannot hammer auth-service. After a failed fetch (auth-service not up yet) the next miss fetches at
 * once: waiting out the interval would refuse good tokens for nothing. Until the first fetch succeeds, the startup
 * fetch is retried with a growing pause, and the gateway is not ready ({@link SigningKeysLoadedCheck}).
 */
@ApplicationScoped
public class JwksKeys {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);
    /** Pauses between startup fetches while auth-service is not up: short, a refused connection costs nothing. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(1);
    static final String JWKS_PATH = "/api/auth/jwks";

    private final Vertx vertx;
    /** Where to fetch, in the order to try: the configured URL, or every auth-service upstream (in rotation first). */
    private final Supplier<List<String>> jwksUrls;
    private final long minRefetchNanos;
    private final long maxAgeMillis;
    private final long firstRetryMillis;
    private final long longestRetryMillis;
    private HttpClient client;
    /**
     * The one event loop every fetch runs on. A fetch started from a caller's thread (another event loop, a timer,
     * a test) had its response delivered on the connection's loop and its body handler set later on the caller's:
     * chunks that arrived in between were dropped, and a 200 read as an empty JWKS (found by JwksKeysTest under
     * load, about one run in 300).
     */
    private Context fetchContext;

    private volatile KeySet current = new KeySet(Map.of(), List.of());
    private volatile long lastFetchStartedAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    /** Whether the newest fetch reached auth-service and read its keys; false until the first one has. */
    private volatile boolean lastFetchSucceeded;
    private Future<Void> inFlight;

    @Inject
    public JwksKeys(Vertx vertx, GatewayConfig config, Upstreams upstreams) {
        this(vertx, jwksUrls(config, upstreams), config.jwt().jwksMinRefetchInterval(), config.jwt().jwksMaxAge(),
                FIRST_RETRY, LONGEST_RETRY);
    }

    private static Supplier<List<String>> jwksUrls(GatewayConfig config, Upstreams upstreams) {
        Optional<String> configured = config.jwt().jwksUrl();
        if (configured.isPresent()) {
            List<String> one = List.of(configured.get());
            return () -> one;
        }
        return () -> upstreams.baseUrls(Downstream.AUTH).stream().map(base -> base + JWKS_PATH).toList();
    }

    JwksKeys(Vertx vertx, String jwksUrl, Duration minRefetchInterval, Duration maxAge, Duration firstRetry,
             Duration longestRetry) {
        this(vertx, () -> List.of(jwksUrl), minRefetchInterval, maxAge, firstRetry, longestRetry);
    }

    JwksKeys(Vertx vertx, Supplier<List<String>> jwksUrls, Duration minRefetchInterval, Duration maxAge,
             Duration firstRetry, Duration longestRetry) {
        this.vertx = vertx;
        this.jwksUrls = jwksUrls;
        this.minRefetchNanos = minRefetchInterval.toNanos();
        this.maxAgeMillis = maxAge.toMillis();
        this.firstRetryMillis = firstRetry.toMillis();
        this.longestRetryMillis = longestRetry.toMillis();
    }

    void start(@Observes StartupEvent event) {
        start();
    }

    void start() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setMaxPoolSize(2));
        fetchContext = vertx.getOrCreateContext();
        refreshUntilLoaded(firstRetryMillis);
        vertx.setPeriodic(maxAgeMillis, id -> refresh());
    }

    /** Fetches until a key set has been read once (auth-service may start after the gateway). */
    private void refreshUntilLoaded(long retryMillis) {
        refresh().onComplete(done -> {
            if (!hasKeys()) {
                vertx.setTimer(retryMillis, id -> refreshUntilLoaded(Math.min(retryMillis * 2, longestRetryMillis)));
            }
        });
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    /** The key published under {@code kid}. */
    public Optional<PublicKey> find(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(current.byKid().get(kid));
    }

    /** Every published signing key, for tokens that name no kid. */
    public List<PublicKey> all() {
        return current.all();
    }

    /** Whether a key set has been read: before that no token can be checked. */
    public boolean hasKeys() {
        return !current.all().isEmpty();
    }

    /**
     * Whether a token naming {@code kid} can be judged with what is known: its key is cached, or the newest fetch
     * read auth-service's current keys (so a kid missing from them is not auth-service's). When this is false, a
     * refusal would blame the token for the gateway's own gap.
     */
    public boolean canJudge(String kid) {
        return isKnown(kid) || lastFetchSucceeded;
    }

    private boolean isKnown(String kid) {
        return kid == null ? hasKeys() : find(kid).isPresent();
    }

    /**
     * Completes once a key for {@code kid} is known, or it is certain none will be soon: a fetch just read the keys
     * (refetch rate-limited), or the fetch made for this miss failed.
     */
    public Future<Void> ensureKnown(String kid) {
        if (isKnown(kid)) {
            return Future.succeededFuture();
        }
        // One decision under the lock: checked apart, a miss on another event loop could start a fetch between
        // the two checks, and this token would be refused for "fetched too recently" without waiting for it.
        synchronized (this) {
            if (inFlight != null) {
                // The fetch already running may bring this key: wait for it instead of refusing the token now.
                return inFlight;
            }
            if (lastFetchSucceeded && System.nanoTime() - lastFetchStartedAt < minRefetchNanos) {
                return Future.succeededFuture();
            }
            return refresh();
        }
    }

    private synchronized Future<Void> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        lastFetchStartedAt = System.nanoTime();
        Promise<Void> done = Promise.promise();
        inFlight = done.future();
        fetchContext.runOnContext(start -> fetchFrom(jwksUrls.get(), 0).onComplete(result -> {
            lastFetchSucceeded = result.succeeded();
            synchronized (this) {
                inFlight = null;
            }
            done.complete();
        }));
        return done.future();
    }

    /** Reads the keys from {@code urls[index]}, and on failure from the next one (another auth-service replica). */
    private Future<Void> fetchFrom(List<String> urls, int index) {
        String url = urls.get(index);
        return fetch(url).recover(failure -> {
            if (hasKeys()) {
                LOG.warnf("Cannot fetch JWKS from %s: %s", url, failure.getMessage());
            } else {
                // Expected while auth-service starts after the gateway; the startup retry says the rest.
                LOG.infof("Signing keys not loaded yet, %s: %s", url, failure.getMessage());
            }
            return index + 1 < urls.size() ? fetchFrom(urls, index + 1) : Future.failedFuture(failure);
        });
    }

    private Future<Void> fetch(String url) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setIdleTimeout(3000))
                // The body is asked for in the callback that receives the response, on the loop that delivers it:
                // later, its chunks may already be gone. It is read either way: a response left unread keeps its
                // pooled connection, and the next fetch on it read an empty body (a 503 followed by a 200).
                .compose(request -> request.send().compose(response -> response.body().compose(body ->
                        response.statusCode() == 200
                                ? Future.succeededFuture(body)
                                : Future.failedFuture("JWKS answered " + response.statusCode()))))
                .compose(body -> {
                    try {
                        current = parse(body.toString());
                    } catch (Exception e) {
                        return Future.failedFuture("unreadable JWKS: " + e.getMessage());
                    }
                    LOG.debugf("Loaded %d signing keys from %s", current.all().size(), url);
                    return Future.succeededFuture();
                });
    }

    static KeySet parse(String json) throws Exception {
        Map<String, PublicKey> byKid = new HashMap<>();
        List<PublicKey> all = new java.util.ArrayList<>();
        for (JsonWebKey key : new JsonWebKeySet(json).getJsonWebKeys()) {
            boolean signing = key.getUse() == null || "sig".equals(key.getUse());
            boolean rs256 = key.getAlgorithm() == null || AlgorithmIdentifiers.RSA_USING_SHA256.equals(key.getAlgorithm());
            if (key instanceof RsaJsonWebKey rsa && signing && rs256) {
                all.add(rsa.getRsaPublicKey());
                if (key.getKeyId() != null) {
                    byKid.put(key.getKeyId(), rsa.getRsaPublicKey());
                }
            }
        }
        return new KeySet(Map.copyOf(byKid), List.copyOf(all));
    }

    record KeySet(Map<String, PublicKey> byKid, List<PublicKey> all) {
    }
}
