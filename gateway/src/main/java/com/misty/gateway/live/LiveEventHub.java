package com.misty.gateway.live;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.EventRing;
import com.misty.gateway.domain.EventVisibility;
import com.misty.gateway.domain.LiveEvent;
import com.misty.gateway.domain.StreamPosition;
import com.misty.gateway.domain.Viewer;
import com.misty.platform.security.revocation.Revocation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans events out to the open streams, each filtered by what its viewer may see, and keeps the recent ones
 * for resumption. Stream ids are Kafka positions ({@link StreamPosition}), so an id from another replica or an
 * earlier run of the gateway resumes as well, as long as the ring (pre-filled from the topics at start) still
 * reaches back to it.
 */
@ApplicationScoped
public class LiveEventHub {

    private final EventRing ring;
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    /** Streams per user, reserved before a stream starts and given back when it is detached. */
    private final Map<String, Integer> perUser = new HashMap<>();

    public LiveEventHub(GatewayConfig config) {
        this.ring = new EventRing(config.live().replayBufferSize());
    }

    /** Events of {@code partition} ({@code topic:partition}) will arrive from offset {@code from} on. */
    public synchronized void track(String partition, long from) {
        ring.track(partition, from);
    }

    /** Where the ring continues in {@code partition}, if it is tracked (to resume reading there after a reconnect). */
    public synchronized Optional<Long> positionOf(String partition) {
        return ring.positionOf(partition);
    }

    /** Records an event and offers it to every stream that may see it; an offset already passed is ignored. */
    public synchronized void publish(String partition, long offset, String topic, String type, String ownerUserId,
                                     String json) {
        Optional<LiveEvent> added = ring.append(partition, offset, topic, type, ownerUserId, json);
        if (added.isEmpty()) {
            return;
        }
        LiveEvent event = added.get();
        for (LiveStream stream : streams) {
            if (EventVisibility.canSee(stream.viewer(), event)) {
                stream.offer(event);
            }
        }
    }

    /**
     * Adds a stream and queues what it missed since {@code lastEventId} (null: nothing to catch up). The result
     * says whether that id could be resumed without a gap, and the current position (the id of "now").
     */
    public synchronized Attached attach(LiveStream stream, String lastEventId) {
        boolean resumable = true;
        if (lastEventId != null) {
            Optional<List<LiveEvent>> missed = missedSince(lastEventId, stream.viewer());
            resumable = missed.isPresent();
            if (resumable) {
                // Where the client is ahead of this gateway (another replica read further), skip what it has.
                stream.resumeFrom(StreamPosition.parse(lastEventId).orElseThrow());
                missed.get().forEach(stream::offer);
            }
        }
        streams.add(stream);
        return new Attached(resumable, ring.position().toString());
    }

    public record Attached(boolean resumable, String currentId) {
    }

    /** Takes one of {@code userId}'s stream slots; false when all {@code max} are in use. */
    public synchronized boolean reserve(String userId, int max) {
        int open = perUser.getOrDefault(userId, 0);
        if (open >= max) {
            return false;
        }
        perUser.put(userId, open + 1);
        return true;
    }

    /** Gives back a slot taken by {@link #reserve} for a stream that never started. */
    public synchronized void release(String userId) {
        perUser.computeIfPresent(userId, (user, open) -> open <= 1 ? null : open - 1);
    }

    /** Called once per stream (its close is idempotent): it leaves the fan-out and gives its user's slot back. */
    public void detach(LiveStream stream) {
        streams.remove(stream);
        release(stream.viewer().userId());
    }

    public int openStreams() {
        return streams.size();
    }

    /** The events a client at {@code lastEventId} missed that {@code viewer} may see; empty if not resumable. */
    public synchronized Optional<List<LiveEvent>> missedSince(String lastEventId, Viewer viewer) {
        return StreamPosition.parse(lastEventId).flatMap(ring::after)
                .map(events -> events.stream().filter(event -> EventVisibility.canSee(viewer, event)).toList());
    }

    /** Closes the streams the revocation covers: opened with a token of that user (or login) issued before it. */
    public void revoke(Revocation revocation) {
        long before = revocation.before().toEpochMilli();
        for (LiveStream stream : streams) {
            boolean covered = revocation.wholeSubject()
                    ? stream.viewer().userId().equals(revocation.subject())
                    : revocation.sessionId().equals(stream.sessionId());
            if (covered && stream.issuedAtSeconds() * 1000 <= before) {
                stream.close();
            }
        }
    }
}
