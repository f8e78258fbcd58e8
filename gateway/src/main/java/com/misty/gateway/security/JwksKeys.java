package com.misty.gateway.security;

import com.misty.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
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

/**
 * auth-service's signing keys, fetched from its JWKS and cached. An unknown {@code kid} triggers a refetch
 * (that is how a new key is picked up after a rotation), but at most once per
 * {@code misty.gateway.jwt.jwks-min-refetch-interval}, and concurrent misses share one fetch, so tokens with
 * random kids cannot hammer auth-service.
 */
@ApplicationScoped
public class JwksKeys {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);

    private final Vertx vertx;
    private final String jwksUrl;
    private final long minRefetchNanos;
    private final long maxAgeMillis;
    private HttpClient client;

    private volatile KeySet current = new KeySet(Map.of(), List.of());
    private volatile long lastFetchStartedAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private Future<Void> inFlight;

    @Inject
    public JwksKeys(Vertx vertx, GatewayConfig config) {
        this(vertx, config.jwt().jwksUrl().orElse(config.routes().auth() + "/api/auth/jwks"),
                config.jwt().jwksMinRefetchInterval(), config.jwt().jwksMaxAge());
    }

    JwksKeys(Vertx vertx, String jwksUrl, Duration minRefetchInterval, Duration maxAge) {
        this.vertx = vertx;
        this.jwksUrl = jwksUrl;
        this.minRefetchNanos = minRefetchInterval.toNanos();
        this.maxAgeMillis = maxAge.toMillis();
    }

    void start(@Observes StartupEvent event) {
        start();
    }

    void start() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setMaxPoolSize(2));
        refresh();
        vertx.setPeriodic(maxAgeMillis, id -> refresh());
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

    /** Completes once a key for {@code kid} is known, or it is certain none will be soon (refetch rate-limited). */
    public Future<Void> ensureKnown(String kid) {
        if (kid == null ? !current.all().isEmpty() : find(kid).isPresent()) {
            return Future.succeededFuture();
        }
        // One decision under the lock: checked apart, a miss on another event loop could start a fetch between
        // the two checks, and this token would be refused for "fetched too recently" without waiting for it.
        synchronized (this) {
            if (inFlight != null) {
                // The fetch already running may bring this key: wait for it instead of refusing the token now.
                return inFlight;
            }
            if (System.nanoTime() - lastFetchStartedAt < minRefetchNanos) {
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
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(jwksUrl).setIdleTimeout(3000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("JWKS answered " + response.statusCode()))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        try {
                            current = parse(result.result().toString());
                            LOG.debugf("Loaded %d signing keys from %s", current.all().size(), jwksUrl);
                        } catch (Exception e) {
                            LOG.warnf("Unreadable JWKS from %s: %s", jwksUrl, e.getMessage());
                        }
                    } else {
                        LOG.warnf("Cannot fetch JWKS from %s: %s", jwksUrl, result.cause().getMessage());
                    }
                    synchronized (this) {
                        inFlight = null;
                    }
                    done.complete();
                });
        return done.future();
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
