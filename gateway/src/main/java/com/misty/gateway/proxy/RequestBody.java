package com.misty.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayDeque;

/**
 * Owns a request's body from the moment the gateway sees the request, while the token check may still be waiting
 * for a JWKS fetch: the data, end and error handlers are set while the request is known to be paused and unread,
 * so no later step can find it "already read" (Vert.x then refuses a handler) or miss its end. Whatever arrives
 * before the proxy takes over is held here, at most {@link #MAX_HELD_BYTES} (beyond that the request is paused:
 * back-pressure, not buffering whole); all of it runs on the request's event loop.
 */
public final class RequestBody {

    static final int MAX_HELD_BYTES = 64 * 1024;
    private static final String KEY = RequestBody.class.getName();

    /** Where the body goes once the proxy has a connection to the service. */
    public interface Sink {
        void chunk(Buffer chunk);

        void end();

        void failed(Throwable error);
    }

    private final HttpServerRequest request;
    private final ArrayDeque<Buffer> held = new ArrayDeque<>();
    private long heldBytes;
    private boolean ended;
    private Throwable failure;
    private boolean discarding;
    private Sink sink;

    private RequestBody(HttpServerRequest request) {
        this.request = request;
    }

    /** Takes the (paused, not yet read) body of {@code ctx}'s request; call before anything asynchronous. */
    public static RequestBody claim(RoutingContext ctx) {
        RequestBody body = new RequestBody(ctx.request());
        ctx.put(KEY, body);
        body.request.handler(body::onChunk);
        body.request.endHandler(body::onEnd);
        body.request.exceptionHandler(body::onFailure);
        // Once the answer is out, whatever else the client sends is not wanted.
        ctx.addEndHandler(answered -> body.discard());
        return body;
    }

    /** The body claimed for {@code ctx}'s request by {@link #claim}. */
    public static RequestBody of(RoutingContext ctx) {
        RequestBody body = ctx.get(KEY);
        if (body == null) {
            throw new IllegalStateException("The request body was not claimed before routing");
        }
        return body;
    }

    /**
     * Hands what arrived so far, and all that follows, to {@code target}. Called when a connection to an upstream
     * is open; a retry on another upstream calls it again with a new target, which the proxy only does while no
     * chunk has gone to the previous one (so nothing is lost or sent twice).
     */
    void attach(Sink target) {
        this.sink = target;
        while (!held.isEmpty() && !discarding) {
            Buffer chunk = held.poll();
            heldBytes -= chunk.length();
            target.chunk(chunk);
        }
        if (discarding) {
            return;
        }
        if (failure != null) {
            target.failed(failure);
        } else if (ended) {
            target.end();
        }
    }

    /** Drops the rest of the body (the answer does not need it); keeps reading so the connection stays usable. */
    public void discard() {
        if (discarding) {
            return;
        }
        discarding = true;
        held.clear();
        heldBytes = 0;
        // An HTTP/2 request that was read to its end refuses resume().
        if (!request.isEnded()) {
            request.resume();
        }
    }

    private void onChunk(Buffer chunk) {
        if (discarding) {
            return;
        }
        if (sink != null) {
            sink.chunk(chunk);
            return;
        }
        held.add(chunk);
        heldBytes += chunk.length();
        if (heldBytes > MAX_HELD_BYTES) {
            request.pause();
        }
    }

    private void onEnd(Void ignored) {
        ended = true;
        if (sink != null && !discarding) {
            sink.end();
        }
    }

    private void onFailure(Throwable error) {
        failure = error;
        if (sink != null && !discarding) {
            sink.failed(error);
        }
    }
}
