package com.misty.gateway.webui;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Caching and Content-Security-Policy of the web UI (module {@code web-ui}) that the gateway serves at {@code /}.
 * Bundled assets carry a content hash in their name, so they are cached for a year; everything else of the UI
 * ({@code index.html}, the manifest, icons) is revalidated on every load so a new release is picked up at once.
 * The policy allows only this origin: no inline script or style, no third-party host, no framing.
 */
@ApplicationScoped
public class WebUiHeaders {

    static final String HASHED_ASSETS = "/static/bundle/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    /** Vert.x knows no type for the web app manifest's extension. */
    static final String MANIFEST_TYPE = "application/manifest+json";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::headers);
    }

    private void headers(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (isUi(path) && ("GET".equals(ctx.request().method().name()) || "HEAD".equals(ctx.request().method().name()))) {
            boolean hashed = path.startsWith(HASHED_ASSETS);
            boolean manifest = path.endsWith(".webmanifest");
            ctx.addHeadersEndHandler(ignored -> {
                int status = ctx.response().getStatusCode();
                if (status == 200 || status == 304) {
                    ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, hashed ? IMMUTABLE : REVALIDATE);
                    if (manifest) {
                        ctx.response().headers().set(HttpHeaders.CONTENT_TYPE, MANIFEST_TYPE);
                    }
                }
                ctx.response().headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            });
        }
        ctx.next();
    }

    /** Everything but the API, the JWKS and Quarkus' own endpoints belongs to the UI. */
    static boolean isUi(String path) {
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/")
                && !path.startsWith("/.well-known/");
    }
}
