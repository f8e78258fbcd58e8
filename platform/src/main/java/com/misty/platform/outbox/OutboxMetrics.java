package com.misty.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What an operator watches of a service's outbox, per collection:
 * <ul>
 *   <li>{@code misty_outbox_pending_entries} — events written but not yet acknowledged by the broker;</li>
 *   <li>{@code misty_outbox_oldest_age_seconds} — how long the oldest of them has waited (alert above 60 s: the
 *   broker or the relay is away);</li>
 *   <li>{@code misty_outbox_publish_latency_seconds} — from the event's write to the broker's acknowledgement;</li>
 *   <li>{@code misty_outbox_relay_failures_total} — events the broker did not acknowledge (retried later).</li>
 * </ul>
 * The two gauges read the collection when scraped (a document with pending events has {@code outbox.0}), at most
 * once per {@link #SNAPSHOT_TTL}, so a busy scraper does not turn into a scan per request.
 */
public final class OutboxMetrics {

    static final Duration SNAPSHOT_TTL = Duration.ofSeconds(2);

    private final MeterRegistry registry;
    private final Clock clock;
    private final ConcurrentHashMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    public OutboxMetrics(MeterRegistry registry, List<MongoCollection<Document>> sources, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (MongoCollection<Document> source : sources) {
            String collection = source.getNamespace().getCollectionName();
            Gauge.builder("misty.outbox.pending.entries", source, s -> snapshot(s).pending())
                    .description("Events written to the outbox and not yet acknowledged by the broker")
                    .tag("collection", collection).strongReference(true).register(registry);
            Gauge.builder("misty.outbox.oldest.age", source, s -> snapshot(s).oldestAgeSeconds())
                    .description("Seconds the oldest unpublished outbox event has waited (0 when none)")
                    .baseUnit("seconds").tag("collection", collection).strongReference(true).register(registry);
            // Present from the start (at 0), so dashboards and alerts find them before the first event or failure.
            latency(source);
            failures(source);
        }
    }

    void published(MongoCollection<Document> source, Date createdAt) {
        if (createdAt == null) {
            return;
        }
        latency(source).record(Math.max(0, clock.millis() - createdAt.getTime()), TimeUnit.MILLISECONDS);
    }

    void failed(MongoCollection<Document> source) {
        failures(source).increment();
    }

    private Timer latency(MongoCollection<Document> source) {
        return Timer.builder("misty.outbox.publish.latency")
                .description("From an event's write into the outbox to the broker's acknowledgement")
                .tag("collection", source.getNamespace().getCollectionName())
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5))
                .register(registry);
    }

    private Counter failures(MongoCollection<Document> source) {
        return Counter.builder("misty.outbox.relay.failures")
                .description("Outbox events the broker did not acknowledge (kept and retried)")
                .tag("collection", source.getNamespace().getCollectionName())
                .register(registry);
    }

    private Snapshot snapshot(MongoCollection<Document> source) {
        String key = source.getNamespace().getFullName();
        Instant now = clock.instant();
        Snapshot current = snapshots.get(key);
        if (current != null && current.takenAt().plus(SNAPSHOT_TTL).isAfter(now)) {
            return current;
        }
        long pending = 0;
        Date oldest = null;
        for (Document doc : source.find(Filters.exists(Outbox.FIELD + ".0"))
                .projection(Projections.include(Outbox.FIELD + ".created_at"))) {
            for (Document entry : doc.getList(Outbox.FIELD, Document.class, List.of())) {
                pending++;
                Date created = entry.getDate("created_at");
                if (created != null && (oldest == null || created.before(oldest))) {
                    oldest = created;
                }
            }
        }
        double age = oldest == null ? 0 : Math.max(0, now.toEpochMilli() - oldest.getTime()) / 1000.0;
        Snapshot fresh = new Snapshot(now, pending, age);
        snapshots.put(key, fresh);
        return fresh;
    }

    private record Snapshot(Instant takenAt, double pending, double oldestAgeSeconds) {
    }
}
