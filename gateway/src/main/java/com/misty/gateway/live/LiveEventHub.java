package com.misty.gateway.live;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.EventRing;
import com.misty.gateway.domain.EventVisibility;
import com.misty.gateway.domain.LiveEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans events out to the open streams, each filtered by what its viewer may see, and keeps the recent ones
 * for resumption. Stream ids are {@code <epoch>-<sequence>}; the epoch changes when the gateway restarts, so an
 * id from an earlier run (or another replica) is recognised as unresumable rather than misread.
 */
@ApplicationScoped
public class LiveEventHub {

    private final EventRing ring;
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final String epoch = Long.toString(System.currentTimeMillis(), 36);

    public LiveEventHub(GatewayConfig config) {
        this.ring = new EventRing(config.live().replayBufferSize());
    }

    /** Records an event and offers it to every stream that may see it. */
    public synchronized void publish(String topic, String type, String ownerUserId, String json) {
        LiveEvent event = ring.append(topic, type, ownerUserId, json);
        for (LiveStream stream : streams) {
            if (EventVisibility.canSee(stream.viewer(), event)) {
                stream.offer(event);
            }
        }
    }

    /**
     * Adds a stream and queues what it missed since {@code lastEventId} (null: nothing to catch up). The result
     * says whether that id could be resumed without a gap, and the id of the newest event at that moment.
     */
    public synchronized Attached attach(LiveStream stream, String lastEventId) {
        boolean resumable = true;
        if (lastEventId != null) {
            Optional<List<LiveEvent>> missed = sequenceOf(lastEventId).flatMap(ring::after);
            resumable = missed.isPresent();
            missed.ifPresent(events -> events.stream()
                    .filter(event -> EventVisibility.canSee(stream.viewer(), event))
                    .forEach(stream::offer));
        }
        streams.add(stream);
        return new Attached(resumable, idOf(ring.lastSequence()));
    }

    public record Attached(boolean resumable, String currentId) {
    }

    public void detach(LiveStream stream) {
        streams.remove(stream);
    }

    public int openStreams() {
        return streams.size();
    }

    public String idOf(long sequence) {
        return epoch + "-" + sequence;
    }

    /** Closes the streams of {@code userId} opened with tokens issued before {@code before}. */
    public void revoke(String userId, Instant before) {
        for (LiveStream stream : streams) {
            if (stream.viewer().userId().equals(userId) && stream.issuedAtSeconds() * 1000 <= before.toEpochMilli()) {
                stream.close();
            }
        }
    }

    private Optional<Long> sequenceOf(String lastEventId) {
        int dash = lastEventId.lastIndexOf('-');
        if (dash <= 0 || !lastEventId.substring(0, dash).equals(epoch)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lastEventId.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
