package com.misty.gateway.live;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.Viewer;
import com.misty.gateway.http.Problems;
import com.misty.gateway.security.VerifiedToken;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens {@code GET /api/events/stream} for an authenticated caller. */
@ApplicationScoped
public class EventStreams {

    /** Bytes the socket may hold for one client before it counts as slow. */
    private static final int WRITE_QUEUE_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final LiveEventHub hub;
    private final GatewayConfig.Live config;

    public EventStreams(Vertx vertx, LiveEventHub hub, GatewayConfig config) {
        this.vertx = vertx;
        this.hub = hub;
        this.config = config.live();
    }

    public void open(RoutingContext ctx, VerifiedToken token) {
        if (hub.openStreams() >= config.maxStreams()) {
            ctx.response().putHeader("Retry-After", "5");
            Problems.send(ctx, 503, "TOO_MANY_STREAMS", "Too many open event streams; try again shortly.");
            return;
        }
        if (!hub.reserve(token.subject(), config.maxStreamsPerUser())) {
            ctx.response().putHeader("Retry-After", "5");
            Problems.send(ctx, 429, "TOO_MANY_STREAMS", "You have " + config.maxStreamsPerUser()
                    + " event streams open already; close one first.");
            return;
        }
        ctx.request().resume();
        HttpServerResponse response = ctx.response()
                .setStatusCode(200)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                // nginx and similar proxies would otherwise buffer the stream.
                .putHeader("X-Accel-Buffering", "no")
                .setChunked(true)
                .setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        LiveStream stream = new LiveStream(vertx, new Viewer(token.subject(), token.roles()), token.issuedAtSeconds(),
                token.sessionId(), token.expiresAtSeconds(), response, config.clientQueueSize(), config.heartbeat().toMillis(),
                hub::detach);
        response.write("retry: 3000\n\n");
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        LiveEventHub.Attached attached = hub.attach(stream, lastEventId);
        // Written before the queued events (they are drained later on this event loop).
        if (!attached.resumable()) {
            stream.write("event: resync\ndata: {\"reason\":\"missed events are no longer available; reload\"}\n\n");
        }
        if (lastEventId == null || !attached.resumable()) {
            // An id without data sets the client's resume point without dispatching an event.
            stream.write("id: " + attached.currentId() + "\n\n");
        }
    }
}
