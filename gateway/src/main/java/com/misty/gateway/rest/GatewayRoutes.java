package com.misty.gateway.rest;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.Downstream;
import com.misty.gateway.domain.PublicEndpoints;
import com.misty.gateway.domain.RateLimiter;
import com.misty.gateway.domain.RequestIds;
import com.misty.gateway.domain.RoutePolicy;
import com.misty.gateway.http.Problems;
import com.misty.gateway.live.EventStreams;
import com.misty.gateway.proxy.ClientAddresses;
import com.misty.gateway.proxy.RequestBody;
import com.misty.gateway.proxy.ServiceProxy;
import com.misty.gateway.security.AccessTokenVerifier;
import com.misty.gateway.security.KeysUnavailableException;
import com.misty.gateway.security.TokenRejectedException;
import com.misty.gateway.security.VerifiedToken;
import com.misty.platform.security.revocation.Revocations;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The gateway's request pipeline for {@code /api/**} and the well-known JWKS, in this order: request id and
 * access log, body size limit (413), public endpoints (throttled per client address, 429), access token (401; 503
 * while the signing keys or the revocation history are not loaded), revocation (401), per-user rate limit (429), role policy (403), then the live stream or the service.
 */
@ApplicationScoped
public class GatewayRoutes {

    static final String EVENT_STREAM = "/api/events/stream";
    /** Why a token was refused, at DEBUG in the access log's category (the client only learns "invalid"). */
    private static final Logger REFUSALS = Logger.getLogger(AccessLog.CATEGORY);

    private final AccessTokenVerifier verifier;
    private final Revocations revocations;
    private final ServiceProxy proxy;
    private final EventStreams eventStreams;
    private final ClientAddresses clientAddresses;
    private final AccessLog accessLog;
    private final RateLimiter credentialLimiter;
    private final RateLimiter userLimiter;
    private final long maxBodyBytes;
    private final String tokenCookie;

    public GatewayRoutes(AccessTokenVerifier verifier, Revocations revocations, ServiceProxy proxy,
                         EventStreams eventStreams, ClientAddresses clientAddresses, AccessLog accessLog,
                         GatewayConfig config) {
        this.clientAddresses = clientAddresses;
        this.accessLog = accessLog;
        this.verifier = verifier;
        this.revocations = revocations;
        this.proxy = proxy;
        this.eventStreams = eventStreams;
        GatewayConfig.Throttle throttle = config.throttle();
        this.credentialLimiter = new RateLimiter(throttle.credentialBurst(), throttle.credentialPerMinute() / 60d,
                throttle.maxTrackedKeys(), System::nanoTime);
        this.userLimiter = new RateLimiter(throttle.userBurst(), throttle.userPerSecond(), throttle.maxTrackedKeys(),
                System::nanoTime);
        this.maxBodyBytes = config.proxy().maxBodyBytes();
        this.tokenCookie = config.live().tokenCookie();
    }

    void install(@Observes Router router) {
        router.route("/api/*").handler(this::handle);
        router.route(Downstream.WELL_KNOWN_JWKS).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // Nothing of the body is read until the request is known to be allowed; it is claimed now, before the
        // token check may go asynchronous, so none of it can slip past (see RequestBody).
        request.pause();
        RequestBody.claim(ctx);
        String requestId = RequestIds.keepOrCreate(request.getHeader(ServiceProxy.REQUEST_ID));
        ctx.put(ServiceProxy.REQUEST_ID, requestId);
        ctx.response().putHeader(ServiceProxy.REQUEST_ID, requestId);
        if (accessLog.enabled()) {
            long started = System.nanoTime();
            ctx.addEndHandler(ended -> accessLog.record(accessLine(requestId, request.method().name(),
                    ctx.normalizedPath(), ctx.response().getStatusCode(), System.nanoTime() - started)));
        }

        String path = ctx.normalizedPath();
        String method = request.method().name();
        if (declaredBodyTooLarge(request)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.send(ctx, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + maxBodyBytes + " bytes.");
            return;
        }
        if (PublicEndpoints.isPublic(method, path)) {
            if (PublicEndpoints.isCredentialExchange(method, path)) {
                // Keyed by address and endpoint, so a burst of logins does not also lock out token refreshes.
                long wait = credentialLimiter.acquire(clientAddresses.of(request) + " " + path);
                if (wait > 0) {
                    tooMany(ctx, wait, "Too many sign-in attempts from this address; try again later.");
                    return;
                }
            }
            route(ctx, path, requestId, null);
            return;
        }
        Future<VerifiedToken> verified = verifier.verify(tokenOf(ctx, path));
        if (verified.isComplete()) {
            authorised(ctx, path, requestId, verified);
        } else {
            Context context = Vertx.currentContext();
            verified.onComplete(result -> context.runOnContext(ignored -> authorised(ctx, path, requestId, result)));
        }
    }

    private void authorised(RoutingContext ctx, String path, String requestId, AsyncResult<VerifiedToken> verified) {
        if (verified.failed() && verified.cause() instanceof KeysUnavailableException) {
            // The gateway's gap, not the token's: a 401 would sign a UI's user out for nothing.
            notYetAble(ctx, "SIGNING_KEYS_UNAVAILABLE", "The gateway cannot check access tokens yet (auth-service's signing keys are not loaded); "
                    + "try again shortly.");
            return;
        }
        if (verified.failed()) {
            String reason = verified.cause() instanceof TokenRejectedException ? verified.cause().getMessage() : "error";
            REFUSALS.debugf("[%s] token refused: %s", requestId, reason);
            unauthorized(ctx, !AccessTokenVerifier.NO_TOKEN.equals(reason));
            return;
        }
        VerifiedToken token = verified.result();
        if (!revocations.isReplayed()) {
            notYetAble(ctx, "STARTING", "The gateway is still starting; try again shortly.");
            return;
        }
        if (revocations.isRevoked(token)) {
            unauthorized(ctx, true);
            return;
        }
        long wait = userLimiter.acquire(token.subject());
        if (wait > 0) {
            tooMany(ctx, wait, "Too many requests; slow down.");
            return;
        }
        if (!RoutePolicy.allows(token.roles(), path)) {
            Problems.send(ctx, 403, "FORBIDDEN", "You are not allowed to do this.");
            return;
        }
        route(ctx, path, requestId, token);
    }

    private void route(RoutingContext ctx, String path, String requestId, VerifiedToken token) {
        if (EVENT_STREAM.equals(path) && token != null) {
            if (!"GET".equals(ctx.request().method().name())) {
                Problems.send(ctx, 405, "METHOD_NOT_ALLOWED", "This method is not allowed here.");
                return;
            }
            eventStreams.open(ctx, token);
            return;
        }
        Optional<Downstream> service = Downstream.owning(path);
        if (service.isPresent()) {
            proxy.forward(ctx, service.get(), requestId, clientAddresses.of(ctx.request()));
        } else {
            RequestBody.of(ctx).discard();
            ctx.next();
        }
    }

    /**
     * The bearer token: the Authorization header, or for the event stream only (browsers' EventSource cannot set
     * headers) the {@code access_token} query parameter or the token cookie.
     */
    private String tokenOf(RoutingContext ctx, String path) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
        }
        if (EVENT_STREAM.equals(path)) {
            String query = ctx.request().getParam("access_token");
            if (query != null) {
                return query;
            }
            Cookie cookie = ctx.request().getCookie(tokenCookie);
            if (cookie != null) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /**
     * {@code [id] METHOD /path status 1.2ms}, built here rather than with a format string: java.util.Formatter
     * would cost more than the rest of the line's journey, once per request.
     */
    static String accessLine(String requestId, String method, String path, int status, long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return new StringBuilder(requestId.length() + path.length() + 32)
                .append('[').append(requestId).append("] ").append(method).append(' ').append(path).append(' ')
                .append(status).append(' ').append(tenths / 10).append('.').append(tenths % 10).append("ms")
                .toString();
    }

    private boolean declaredBodyTooLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** 503 for what the gateway cannot decide yet (keys, revocation history); the client retries, keeps its session. */
    private static void notYetAble(RoutingContext ctx, String code, String detail) {
        ctx.response().putHeader("Retry-After", "2");
        Problems.send(ctx, 503, code, detail);
    }

    private static void tooMany(RoutingContext ctx, long retryAfterSeconds, String detail) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        Problems.send(ctx, 429, "TOO_MANY_REQUESTS", detail);
    }

    /** RFC 6750: a request without credentials gets a bare challenge; a refused token gets invalid_token. */
    private static void unauthorized(RoutingContext ctx, boolean tokenPresented) {
        ctx.response().putHeader("WWW-Authenticate",
                tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
        Problems.send(ctx, 401, "UNAUTHORIZED", tokenPresented
                ? "The access token is invalid, expired or revoked." : "An access token is required.");
    }
}
