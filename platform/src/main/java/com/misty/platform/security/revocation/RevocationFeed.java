package com.misty.platform.security.revocation;

import com.misty.platform.events.BroadcastFeed;
import com.misty.platform.events.IncomingEvents;
import com.misty.platform.events.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Set;

/**
 * Feeds {@link Revocations} from {@code auth.events} in every service.
 *
 * <p>Every replica must see every revocation, and the list lives in memory, so it is rebuilt from the whole topic
 * at each start by a {@link BroadcastFeed} (no consumer group, read from the beginning). Until that history is
 * read the service is not ready and refuses tokens with 503. The gateway turns this feed off
 * ({@code misty.revocations.feed.enabled=false}) because its own suite-events feed reads the topic anyway.
 */
@ApplicationScoped
public class RevocationFeed implements BroadcastFeed.Reader {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);

    private final boolean enabled;
    private final long startupWaitMillis;
    private final Revocations revocations;
    private final BroadcastFeed feed;

    public RevocationFeed(KafkaConnection kafka,
                          @ConfigProperty(name = "misty.revocations.topic", defaultValue = "auth.events") String topic,
                          @ConfigProperty(name = "misty.revocations.feed.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "misty.revocations.startup-wait", defaultValue = "20s") Duration startupWait,
                          Revocations revocations) {
        this.enabled = enabled;
        this.startupWaitMillis = startupWait.toMillis();
        this.revocations = revocations;
        this.feed = new BroadcastFeed(kafka, "revocation-feed", Set.of(topic), this);
    }

    void start(@Observes StartupEvent event) throws InterruptedException {
        if (!enabled) {
            return;
        }
        feed.start();
        if (!revocations.awaitReplayed(startupWaitMillis)) {
            LOG.warnf("Revocation history not replayed after %d ms; authenticated requests get 503 until it is",
                    startupWaitMillis);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        feed.stop();
    }

    @Override
    public long startAt(TopicPartition partition, long beginning, long end) {
        return beginning;
    }

    @Override
    public void accept(ConsumerRecord<String, String> record) {
        if (record.value() != null) {
            IncomingEvents.read(record.value(), record.topic()).ifPresent(revocations::apply);
        }
    }

    @Override
    public void historyRead() {
        revocations.markReplayed();
        LOG.infof("Revocation history read: %d subjects or logins revoked", revocations.revokedUsers());
    }
}
