package com.misty.platform.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import com.misty.platform.events.KafkaConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.bson.Document;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Runs the one {@link OutboxRelay} of a service, for the collections named in {@code misty.outbox.collections}.
 * Repositories write events through {@link #writes}, which wakes the relay for each written document so its events
 * go out at once rather than at the next poll.
 */
@ApplicationScoped
public class OutboxRelayService {

    private static final Logger LOG = Logger.getLogger(OutboxRelayService.class);

    private final OutboxConfig config;
    private final Instance<MongoClient> mongoClient;
    private final String databaseName;
    private final KafkaConnection kafka;
    private final String applicationName;
    private final MeterRegistry registry;
    private volatile OutboxRelay relay;

    public OutboxRelayService(OutboxConfig config, Instance<MongoClient> mongoClient, MeterRegistry registry,
                              @ConfigProperty(name = "quarkus.mongodb.database", defaultValue = "misty") String databaseName,
                              KafkaConnection kafka,
                              @ConfigProperty(name = "quarkus.application.name", defaultValue = "misty") String applicationName) {
        this.config = config;
        this.registry = registry;
        this.mongoClient = mongoClient;
        this.databaseName = databaseName;
        this.kafka = kafka;
        this.applicationName = applicationName;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> collections = config.collections().orElse(List.of());
        if (collections.isEmpty()) {
            return;
        }
        MongoDatabase database = mongoClient.get().getDatabase(databaseName);
        // The relay's sweep asks for documents with pending events by this field; on real MongoDB the index serves it.
        collections.forEach(c -> database.getCollection(c).createIndex(
                com.mongodb.client.model.Indexes.ascending(Outbox.PENDING_SINCE),
                new com.mongodb.client.model.IndexOptions().sparse(true).name("outbox_pending")));
        String owner = applicationName + "-" + UUID.randomUUID();
        relay = new OutboxRelay(collections.stream().map(database::getCollection).toList(),
                database.getCollection(OutboxRelay.LEASES), new KafkaEventPublisher(kafka, owner, config.deliveryTimeout()),
                config.settings(), owner, Clock.systemUTC(), registry);
        relay.start();
        LOG.infof("Outbox relay %s publishing from %s.%s", owner, databaseName, collections);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }

    /** The writes of {@code collection}, carrying events of {@code topic}, that wake this relay for what they wrote. */
    public OutboxWrites writes(MongoCollection<Document> collection, String topic) {
        return new OutboxWrites(collection, topic, new OutboxWrites.Wakeup() {
            @Override
            public void pending(String collection, Object id) {
                nudge(collection, id);
            }

            @Override
            public Duration sealedGrace() {
                // A lease: as long as a relay may hold a document it claimed. Without a running relay (none started
                // yet, or no outbox collections configured) a sealed insert is an ordinary one.
                return relay == null ? Duration.ZERO : config.lease();
            }

            @Override
            public void sealed(String collection, Object id, List<Document> entries) {
                OutboxRelay current = relay;
                if (current != null) {
                    current.publishSealed(collection, id, entries);
                }
            }
        });
    }

    /** Publish the pending events of this one document now (claimed by id, no search). */
    private void nudge(String collection, Object id) {
        OutboxRelay current = relay;
        if (current != null) {
            current.nudge(collection, id);
        }
    }
}
