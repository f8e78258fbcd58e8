package com.misty.gateway.rest;

import com.misty.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * The browser-facing headers of every gateway response (API, health, the web UI's pages alike), set just before
 * the headers go out so that proxied and locally made answers get them the same way:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer};</li>
 * <li>no framing: {@code frame-ancestors 'none'} (added to a page's own Content-Security-Policy, never replacing
 * it) and {@code X-Frame-Options: DENY} for older browsers;</li>
 * <li>{@code Cache-Control: no-store} on everything under {@code /api/auth/} except the public key sets: those
 * answers carry tokens, secrets or account data;</li>
 * <li>HSTS only when the operator says the suite is served over TLS ({@code misty.gateway.headers.hsts}): sent
 * over plain HTTP it would lock browsers out of a suite that has no certificate.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "Content-Security-Policy";
    static final String NO_FRAMING = "frame-ancestors 'none'";

    private final boolean hsts;
    private final long hstsMaxAgeSeconds;

    @Inject
    public SecurityHeaders(GatewayConfig config) {
        this(config.headers().hsts(), config.headers().hstsMaxAge());
    }

    SecurityHeaders(boolean hsts, Duration hstsMaxAge) {
        this.hsts = hsts;
        this.hstsMaxAgeSeconds = hstsMaxAge.toSeconds();
    }

    void install(@Observes Router router) {
        // Before every other route, so that no answer (a 404, a 401 of the pipeline, a proxied 200) misses them.
        router.route().order(Integer.MIN_VALUE + 10).handler(this::onRequest);
    }

    private void onRequest(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(ignored -> apply(ctx.response().headers(), path));
        ctx.next();
    }

    void apply(MultiMap headers, String path) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        String policy = headers.get(CSP);
        if (policy == null || policy.isBlank()) {
            headers.set(CSP, NO_FRAMING);
        } else if (!policy.contains("frame-ancestors")) {
            headers.set(CSP, policy.strip().replaceAll(";+$", "") + "; " + NO_FRAMING);
        }
        if (carriesCredentials(path)) {
            headers.set("Cache-Control", "no-store");
            headers.set("Pragma", "no-cache");
        }
        if (hsts) {
            headers.set("Strict-Transport-Security", "max-age=" + hstsMaxAgeSeconds + "; includeSubDomains");
        }
    }

    static boolean carriesCredentials(String path) {
        return path != null && path.startsWith("/api/auth/") && !path.equals("/api/auth/jwks");
    }
}
