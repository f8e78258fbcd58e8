package com.misty.platform.security.revocation;

import com.misty.platform.events.IncomingEvents;
import com.misty.platform.events.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Feeds {@link Revocations} from {@code auth.events} in every service.
 *
 * <p>Unlike a service's own consumers, every replica must see every revocation, and the list lives in memory,
 * so it is rebuilt from the whole topic at each start: no consumer group, all partitions assigned, read from the
 * beginning, nothing committed. Until that history is read the service is not ready and refuses tokens with 503.
 * New partitions are picked up periodically. The gateway turns this feed off
 * ({@code misty.revocations.feed.enabled=false}) because its own suite-events feed reads the topic anyway.
 */
@ApplicationScoped
public class RevocationFeed {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PARTITION_REFRESH_MILLIS = 10_000;

    private final KafkaConnection kafka;
    private final String topic;
    private final boolean enabled;
    private final long startupWaitMillis;
    private final Revocations revocations;

    private final Map<TopicPartition, Long> historyEnd = new HashMap<>();
    private final Set<TopicPartition> assigned = new LinkedHashSet<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public RevocationFeed(KafkaConnection kafka,
                          @ConfigProperty(name = "misty.revocations.topic", defaultValue = "auth.events") String topic,
                          @ConfigProperty(name = "misty.revocations.feed.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "misty.revocations.startup-wait", defaultValue = "20s") Duration startupWait,
                          Revocations revocations) {
        this.kafka = kafka;
        this.topic = topic;
        this.enabled = enabled;
        this.startupWaitMillis = startupWait.toMillis();
        this.revocations = revocations;
    }

    void start(@Observes StartupEvent event) throws InterruptedException {
        if (!enabled) {
            return;
        }
        thread = new Thread(this::run, "revocation-feed");
        thread.setDaemon(true);
        thread.start();
        if (!revocations.awaitReplayed(startupWaitMillis)) {
            LOG.warnf("Revocation history not replayed after %d ms; authenticated requests get 503 until it is",
                    startupWaitMillis);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties(),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer = kafka;
                assigned.clear();
                consume(kafka);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Revocation feed failed, reconnecting: %s", e.toString());
                sleep(1000);
            }
        }
    }

    private void consume(KafkaConsumer<String, String> kafka) {
        long nextPartitionRefresh = 0;
        while (running) {
            if (System.currentTimeMillis() >= nextPartitionRefresh) {
                boolean found = assignNewPartitions(kafka);
                nextPartitionRefresh = System.currentTimeMillis() + (found ? PARTITION_REFRESH_MILLIS : 1000);
            }
            if (assigned.isEmpty()) {
                sleep(200);
                continue;
            }
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                if (record.value() != null) {
                    IncomingEvents.read(record.value(), record.topic()).ifPresent(revocations::apply);
                }
            }
            if (!revocations.isReplayed() && historyReplayed(kafka)) {
                revocations.markReplayed();
                LOG.infof("Revocation history read: %d subjects or logins revoked", revocations.revokedUsers());
            }
        }
    }

    /** Returns whether the topic exists; a topic that does not exist yet has no history to replay. */
    private boolean assignNewPartitions(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            if (!revocations.isReplayed()) {
                revocations.markReplayed();
            }
            return false;
        }
        List<TopicPartition> fresh = new ArrayList<>();
        for (PartitionInfo partition : partitions) {
            TopicPartition tp = new TopicPartition(topic, partition.partition());
            if (!assigned.contains(tp)) {
                fresh.add(tp);
            }
        }
        if (fresh.isEmpty()) {
            return true;
        }
        assigned.addAll(fresh);
        kafka.assign(assigned);
        Map<TopicPartition, Long> beginnings = kafka.beginningOffsets(fresh);
        Map<TopicPartition, Long> ends = kafka.endOffsets(fresh);
        for (TopicPartition tp : fresh) {
            kafka.seek(tp, beginnings.getOrDefault(tp, 0L));
            if (!revocations.isReplayed()) {
                historyEnd.put(tp, ends.getOrDefault(tp, 0L));
            }
        }
        return true;
    }

    private boolean historyReplayed(KafkaConsumer<String, String> kafka) {
        for (Map.Entry<TopicPartition, Long> end : historyEnd.entrySet()) {
            if (kafka.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties properties() {
        Properties props = kafka.clientProperties("revocation-feed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Looking the topic up must not create it with broker defaults before its owner does.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return props;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
