package com.misty.gateway.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.live.LiveEventHub;
import com.misty.platform.events.BroadcastFeed;
import com.misty.platform.events.EventJson;
import com.misty.platform.events.IncomingEvents;
import com.misty.platform.events.KafkaConnection;
import com.misty.platform.events.ReceivedEvent;
import com.misty.platform.security.revocation.Revocations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the suite's topics for the two things the gateway needs from them: revocations and live updates.
 *
 * <p>Every gateway replica must see every event (each one holds its own revocation list and its own live
 * streams), so this is a {@link BroadcastFeed}: no consumer group, all partitions. The revocation topic is read
 * from the beginning (the list is rebuilt at each start); the live topics from their last
 * {@code replay-buffer-size} records, which pre-fill the replay ring so that a client can resume across a restart
 * or a switch of replica. Until all this history is read the gateway is not ready (authenticated requests get 503).
 */
@ApplicationScoped
public class SuiteEventsFeed implements BroadcastFeed.Reader {

    private static final Logger LOG = Logger.getLogger(SuiteEventsFeed.class);

    private final String revocationTopic;
    private final Set<String> liveTopics;
    private final int replaySize;
    private final long startupWaitMillis;
    private final Revocations revocations;
    private final LiveEventHub hub;
    private final BroadcastFeed feed;

    public SuiteEventsFeed(KafkaConnection kafka, GatewayConfig config, Revocations revocations, LiveEventHub hub) {
        this.revocationTopic = config.revocations().topic();
        this.liveTopics = Set.copyOf(config.live().topics());
        this.replaySize = config.live().replayBufferSize();
        this.startupWaitMillis = config.revocations().startupWait().toMillis();
        this.revocations = revocations;
        this.hub = hub;
        Set<String> topics = new LinkedHashSet<>(config.live().topics());
        topics.add(revocationTopic);
        this.feed = new BroadcastFeed(kafka, "gateway-events-feed", topics, this);
    }

    void start(@Observes StartupEvent event) throws InterruptedException {
        startReading();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopReading();
    }

    /** Starts reading and waits (at most the configured startup wait) until the history is read. */
    public void startReading() throws InterruptedException {
        feed.start();
        if (!revocations.awaitReplayed(startupWaitMillis)) {
            LOG.warnf("Revocation history not replayed after %d ms; authenticated requests get 503 until it is",
                    startupWaitMillis);
        }
    }

    public void stopReading() throws InterruptedException {
        feed.stop();
    }

    @Override
    public long startAt(TopicPartition tp, long beginning, long end) {
        long from = beginning;
        if (liveTopics.contains(tp.topic())) {
            String partition = partitionKey(tp.topic(), tp.partition());
            // After a reconnect: go on where the ring stands; at start: pre-fill it with the latest records.
            from = hub.positionOf(partition).map(next -> Math.max(next, beginning))
                    .orElse(Math.max(beginning, end - replaySize));
            hub.track(partition, from);
        }
        // Revocations are rebuilt from the whole topic (the ring ignores what it does not hold).
        return tp.topic().equals(revocationTopic) ? beginning : from;
    }

    @Override
    public void accept(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(revocationTopic)) {
            IncomingEvents.read(record.value(), record.topic()).ifPresent(this::applyRevocation);
        }
        if (liveTopics.contains(record.topic())) {
            pushLive(record);
        }
    }

    @Override
    public void historyRead() {
        revocations.markReplayed();
        LOG.infof("History read: %d users with revoked sessions; live events ring pre-filled", revocations.revokedUsers());
    }

    /** The revocation list is platform's (the services read the same events the same way); streams close too. */
    private void applyRevocation(ReceivedEvent event) {
        revocations.apply(event).ifPresent(hub::revoke);
    }

    private void pushLive(ConsumerRecord<String, String> record) {
        try {
            JsonNode envelope = EventJson.mapper().readTree(record.value());
            String type = envelope.path("type").asText("");
            if (type.isEmpty()) {
                return;
            }
            JsonNode payload = envelope.path("payload");
            // Personal events name their person: payroll events the employee's user id, auth events the user id.
            String owner = payload.hasNonNull("employee_user_id") ? payload.get("employee_user_id").asText()
                    : payload.hasNonNull("user_id") ? payload.get("user_id").asText() : null;
            hub.publish(partitionKey(record.topic(), record.partition()), record.offset(), record.topic(), type, owner,
                    record.value());
        } catch (Exception e) {
            LOG.debugf("Skipping unreadable record on %s: %s", record.topic(), e.getMessage());
        }
    }

    private static String partitionKey(String topic, int partition) {
        return topic + ":" + partition;
    }
}
