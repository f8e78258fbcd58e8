package com.misty.gateway.live;

import com.misty.gateway.domain.LiveEvent;
import com.misty.gateway.domain.StreamPosition;
import com.misty.gateway.domain.Viewer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One open Server-Sent Events response. Events wait in a bounded queue and are written on the connection's own
 * event loop; a client that reads too slowly (its socket buffer and then the queue fill up) is disconnected,
 * so it can neither hold up the others nor grow memory. It reconnects with {@code Last-Event-ID}.
 */
public final class LiveStream {

    private final Viewer viewer;
    private final long issuedAtSeconds;
    private final String sessionId;
    private final HttpServerResponse response;
    private final Context context;
    private final ArrayBlockingQueue<LiveEvent> pending;
    private final Consumer<LiveStream> onClose;
    /** For a resumed stream: the client's position; events below it (per partition) it already has. */
    private StreamPosition floor;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long heartbeatTimer;
    private final long expiryTimer;
    private final Vertx vertx;

    LiveStream(Vertx vertx, Viewer viewer, long issuedAtSeconds, String sessionId, long expiresAtSeconds,
               HttpServerResponse response,
               int queueSize, long heartbeatMillis, Consumer<LiveStream> onClose) {
        this.vertx = vertx;
        this.viewer = viewer;
        this.issuedAtSeconds = issuedAtSeconds;
        this.sessionId = sessionId;
        this.response = response;
        this.context = vertx.getOrCreateContext();
        this.pending = new ArrayBlockingQueue<>(queueSize);
        this.onClose = onClose;
        this.heartbeatTimer = vertx.setPeriodic(heartbeatMillis, id -> heartbeat());
        // The stream ends with its token; the client reconnects with a fresh one.
        long untilExpiry = Math.max(1, expiresAtSeconds * 1000 - System.currentTimeMillis());
        this.expiryTimer = vertx.setTimer(untilExpiry, id -> close());
        response.closeHandler(ignored -> close());
    }

    public Viewer viewer() {
        return viewer;
    }

    public long issuedAtSeconds() {
        return issuedAtSeconds;
    }

    /** The login ({@code sid}) whose token opened the stream; null for service accounts. */
    public String sessionId() {
        return sessionId;
    }

    /** Called under the hub's lock before the stream receives anything. */
    void resumeFrom(StreamPosition seen) {
        this.floor = seen;
    }

    /** Queues an event for this client; called under the hub's lock, so it never blocks. */
    void offer(LiveEvent event) {
        if (closed.get() || floor != null && event.offset() < floor.next(event.partition())) {
            return;
        }
        if (!pending.offer(event)) {
            disconnect();
            return;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(ignored -> drain());
        }
    }

    void write(String text) {
        if (!closed.get()) {
            response.write(text);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        while (!closed.get()) {
            if (response.writeQueueFull()) {
                response.drainHandler(ignored -> drain());
                return;
            }
            LiveEvent event = pending.poll();
            if (event == null) {
                return;
            }
            response.write(format(event));
        }
    }

    private String format(LiveEvent event) {
        StringBuilder frame = new StringBuilder(event.json().length() + 64)
                .append("id: ").append(event.id()).append('\n')
                .append("event: ").append(event.type()).append('\n');
        for (String line : event.json().split("\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString();
    }

    private void heartbeat() {
        if (!closed.get() && !response.writeQueueFull()) {
            response.write(": heartbeat\n\n");
        }
    }

    /** Ends the stream (expired or revoked token, client gone); safe to call from any thread. */
    public void close() {
        release(false);
    }

    /**
     * Drops a client that fell too far behind: the connection is closed rather than ended, because an orderly end
     * would queue behind the bytes it is not reading, and closing frees what the socket still holds for it.
     */
    private void disconnect() {
        release(true);
    }

    private void release(boolean dropConnection) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(expiryTimer);
        pending.clear();
        onClose.accept(this);
        context.runOnContext(ignored -> {
            if (response.closed()) {
                return;
            }
            if (dropConnection) {
                response.close();
            } else if (!response.ended()) {
                response.end();
            }
        });
    }
}
