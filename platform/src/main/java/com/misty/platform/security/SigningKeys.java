package com.misty.platform.security;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The keys this service checks access tokens with ({@code mp.jwt.verify.publickey.location}: auth-service's JWKS in
 * the suite), loaded at startup rather than by the first request. SmallRye JWT would load them lazily and, if
 * auth-service were not up yet, refuse that request with 401 — which tells a client its token is bad and signs a
 * UI's user out. So a background thread reads the keys until they are readable, then has SmallRye load them too
 * (a parse of a probe token builds its cached key resolver); until then the service is not ready
 * ({@link SigningKeysLoadedCheck}) and a plausible token is answered 503 (see SecurityProblemMappers).
 * The gateway checks tokens itself and turns this off ({@code misty.security.service-signing-keys=false}).
 */
@ApplicationScoped
@UnlessBuildProperty(name = SigningKeys.ENABLED, stringValue = "false", enableIfMissing = true)
public class SigningKeys {

    static final String ENABLED = "misty.security.service-signing-keys";
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    private final Optional<String> location;
    private final JWTParser parser;
    /**
     * HTTP/1.1, not the client's default h2c upgrade: a GET that asks to upgrade while auth-service is still starting
     * failed there with "Request has already been read" (seen with ten processes starting at once on two cores).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(FETCH_TIMEOUT).build();
    private volatile boolean loaded;
    private volatile Thread loader;

    public SigningKeys(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                       JWTParser parser) {
        this.location = location;
        this.parser = parser;
    }

    void start(@Observes StartupEvent event) {
        if (location.isEmpty()) {
            loaded = true; // keys given inline (mp.jwt.verify.publickey): nothing to fetch
            return;
        }
        if (!isRemote(location.get())) {
            loadOnce(); // a local file or class-path resource: read at once, so the service is ready when it starts
        }
        if (loaded) {
            return;
        }
        Thread thread = new Thread(this::loadUntilReadable, "signing-keys-loader");
        thread.setDaemon(true);
        loader = thread;
        thread.start();
    }

    @PreDestroy
    void stop() {
        Thread thread = loader;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the keys have been read: before that no token can be checked. */
    public boolean loaded() {
        return loaded;
    }

    private void loadUntilReadable() {
        long pauseMillis = FIRST_RETRY.toMillis();
        while (!loaded && !Thread.currentThread().isInterrupted()) {
            loadOnce();
            if (loaded) {
                return;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pauseMillis = Math.min(pauseMillis * 2, LONGEST_RETRY.toMillis());
        }
    }

    private void loadOnce() {
        try {
            Optional<String> firstKid = readKeys(location.get());
            if (firstKid.isPresent()) {
                warmUpSmallRye(firstKid.get());
                loaded = true;
                LOG.infof("Signing keys loaded from %s", location.get());
            } else {
                LOG.infof("Signing keys not loaded yet, %s has no key", location.get());
            }
        } catch (IOException e) {
            // Expected while auth-service starts after this service; the retry says the rest.
            LOG.infof("Signing keys not loaded yet, %s: %s", location.get(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isRemote(String where) {
        return where.startsWith("http:") || where.startsWith("https:");
    }

    /** The kid of the first key published at {@code where} ("" for a PEM key), or empty if none is there yet. */
    private Optional<String> readKeys(String where) throws IOException, InterruptedException {
        String content;
        if (isRemote(where)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(where)).timeout(FETCH_TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode());
            }
            content = response.body();
        } else {
            content = ResourceUtils.readResource(where);
        }
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        if (!content.trim().startsWith("{")) {
            return Optional.of(""); // a PEM key
        }
        try {
            List<JsonWebKey> keys = new JsonWebKeySet(content).getJsonWebKeys();
            return keys.isEmpty() ? Optional.empty() : Optional.of(Optional.ofNullable(keys.get(0).getKeyId()).orElse(""));
        } catch (Exception e) {
            throw new IOException("unreadable key set: " + e.getMessage());
        }
    }

    /**
     * A probe token (a real kid, a signature that cannot match) makes SmallRye build its key resolver now, which
     * reads and caches the keys; the refusal of the probe itself is the expected outcome.
     */
    private void warmUpSmallRye(String kid) {
        String header = kid.isEmpty() ? "{\"alg\":\"RS256\"}" : "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}";
        String probe = base64(header) + "." + base64("{\"sub\":\"signing-keys-probe\"}") + ".AAAA";
        try {
            JsonWebToken accepted = parser.parse(probe);
            LOG.warnf("A probe token with no valid signature was accepted: %s", accepted.getSubject());
        } catch (ParseException | RuntimeException expected) {
            LOG.debugf("Probe token refused as expected: %s", expected.getMessage());
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
