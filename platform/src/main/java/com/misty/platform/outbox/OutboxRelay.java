package com.misty.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in the {@code outbox} arrays of a service's documents, and removes each one
 * only after the broker acknowledged it. A broker outage therefore delays events but never loses them; a
 * crash between acknowledgement and removal republishes an event, which idempotent consumers absorb.
 *
 * <p>With several replicas, a relay first claims a document with a lease (in the same atomic update that
 * checks nobody else holds one), so replicas do not publish the same entries; the lease expires if its
 * holder dies. The events of one document are published in order, and the first failure stops that
 * document's batch so that order is kept on retry.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final List<MongoCollection<Document>> sources;
    private final EventPublisher publisher;
    private final OutboxSettings settings;
    private final String owner;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private final java.util.Queue<Wake> woken = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean sweepRequested = new java.util.concurrent.atomic.AtomicBoolean(true);
    private volatile boolean legacySwept;
    private volatile Thread worker;
    private volatile boolean running;
    private final OutboxMetrics metrics;

    public OutboxRelay(List<MongoCollection<Document>> sources, EventPublisher publisher, OutboxSettings settings,
                       String owner, Clock clock) {
        this(sources, publisher, settings, owner, clock, new SimpleMeterRegistry());
    }

    public OutboxRelay(List<MongoCollection<Document>> sources, EventPublisher publisher, OutboxSettings settings,
                       String owner, Clock clock, MeterRegistry registry) {
        this.metrics = new OutboxMetrics(registry, sources, clock);
        this.sources = List.copyOf(sources);
        this.publisher = publisher;
        this.settings = settings;
        this.owner = owner;
        this.clock = clock;
    }

    /** Starts the background loop: relay, then sleep for the poll interval or until {@link #nudge()}. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks the loop for a pass with a sweep now instead of at the next poll. */
    public void nudge() {
        sweepRequested.set(true);
        wakeUp.release();
    }

    /**
     * Asks the loop to publish the pending events of one document now; it claims that document directly,
     * without looking for others (the hot path never searches a collection).
     */
    public void nudge(String collection, Object id) {
        woken.add(new Wake(collection, id));
        wakeUp.release();
    }

    private record Wake(String collection, Object id) {
    }

    /**
     * Publishes what is pending now, one claimed document at a time.
     *
     * @return how many events the broker acknowledged (and were removed), and whether one was not acknowledged
     */
    public PassResult relayOnce() {
        int published = 0;
        // Woken documents are claimed in batches and their events sent together, then each is released as its
        // acknowledgements arrive: one broker round trip per batch instead of one per document.
        while (!woken.isEmpty()) {
            List<Sending> batch = new ArrayList<>();
            for (Wake wake; batch.size() < settings.batchSize() && (wake = woken.poll()) != null; ) {
                MongoCollection<Document> source = source(wake.collection());
                Document claimed = source == null ? null : claim(source, wake.id());
                if (claimed != null) {
                    batch.add(send(source, claimed));
                }
            }
            boolean stalled = false;
            for (Sending sending : batch) {
                int acknowledged = finish(sending, stalled);
                published += acknowledged;
                stalled |= acknowledged < sending.entries().size();
            }
            if (stalled) {
                sweepRequested.set(true);
                return new PassResult(published, true);
            }
        }
        if (!sweepRequested.getAndSet(false)) {
            return new PassResult(published, false);
        }
        for (MongoCollection<Document> source : sources) {
            for (Object id : pendingDocumentIds(source)) {
                int[] result = relayDocument(source, id);
                published += result[0];
                if (result[1] > 0) {
                    // The broker is likely away: stop the pass rather than time out on every document.
                    sweepRequested.set(true);
                    return new PassResult(published, true);
                }
            }
        }
        legacySwept = true;
        return new PassResult(published, false);
    }

    /** @return {published, 1 if an event was not acknowledged} */
    private int[] relayDocument(MongoCollection<Document> source, Object id) {
        Document claimed = claim(source, id);
        if (claimed == null) {
            return new int[]{0, 0};
        }
        int total = claimed.getList(Outbox.FIELD, Document.class, List.of()).size();
        int acknowledged = publishClaimed(source, claimed);
        return new int[]{acknowledged, acknowledged < total ? 1 : 0};
    }

    private MongoCollection<Document> source(String collection) {
        for (MongoCollection<Document> source : sources) {
            if (source.getNamespace().getCollectionName().equals(collection)) {
                return source;
            }
        }
        return null;
    }

    /** @param stalled an event was not acknowledged; the loop backs off before the next pass */
    public record PassResult(int published, boolean stalled) {
    }

    private List<Object> pendingDocumentIds(MongoCollection<Document> source) {
        List<Object> ids = new ArrayList<>();
        // The safety net: served by the index on outbox_pending_since. Only the first sweep after a start also
        // looks for documents written before that field existed (a one-time scan, not on the hot path).
        Bson pending = legacySwept ? Filters.gt(Outbox.PENDING_SINCE, new Date(0)) : Filters.exists(Outbox.FIELD + ".0");
        source.find(Filters.and(pending, leaseFree()))
                .projection(Projections.include("_id"))
                .limit(settings.batchSize())
                .forEach(doc -> ids.add(doc.get("_id")));
        return ids;
    }

    private Bson leaseFree() {
        return Filters.or(Filters.exists(Outbox.LEASE_UNTIL, false),
                Filters.lt(Outbox.LEASE_UNTIL, Date.from(clock.instant())));
    }

    private Document claim(MongoCollection<Document> source, Object id) {
        Date leaseUntil = Date.from(clock.instant().plus(settings.lease()));
        return source.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.exists(Outbox.FIELD + ".0"), leaseFree()),
                Updates.combine(Updates.set(Outbox.LEASE_UNTIL, leaseUntil), Updates.set(Outbox.LEASE_OWNER, owner)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(Outbox.FIELD)));
    }

    private record Sending(MongoCollection<Document> source, Document claimed, List<Document> entries,
                           List<CompletableFuture<Void>> acks) {
    }

    private Sending send(MongoCollection<Document> source, Document claimed) {
        List<Document> entries = claimed.getList(Outbox.FIELD, Document.class, List.of());
        List<CompletableFuture<Void>> acks = new ArrayList<>(entries.size());
        for (Document entry : entries) {
            acks.add(publisher.publish(entry.getString("topic"), entry.getString("key"), entry.getString("envelope"),
                    Outbox.traceOf(entry)));
        }
        return new Sending(source, claimed, entries, acks);
    }

    private int publishClaimed(MongoCollection<Document> source, Document claimed) {
        return finish(send(source, claimed), false);
    }

    /** Awaits a claimed document's acknowledgements (none once the broker is known to be away) and releases it. */
    private int finish(Sending sending, boolean brokerAway) {
        MongoCollection<Document> source = sending.source();
        Document claimed = sending.claimed();
        List<Document> entries = sending.entries();
        List<CompletableFuture<Void>> acks = sending.acks();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < entries.size() && !brokerAway; i++) {
            try {
                acks.get(i).get(settings.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(entries.get(i).getString("event_id"));
                metrics.published(source, entries.get(i).getDate("created_at"));
            } catch (Exception e) {
                metrics.failed(source);
                LOG.warnf("Outbox event %s of %s not acknowledged, will retry: %s",
                        entries.get(i).getString("event_id"), source.getNamespace(), rootMessage(e));
                break;
            }
        }
        // Only this owner's lease is released; remove exactly what the broker acknowledged. When that is all the
        // document holds (nothing appended meanwhile: the size is still the claimed one), empty it in the same update.
        Bson leaseMine = Filters.and(Filters.eq("_id", claimed.get("_id")), Filters.eq(Outbox.LEASE_OWNER, owner));
        if (acknowledged.size() == entries.size() && source.updateOne(
                Filters.and(leaseMine, Filters.size(Outbox.FIELD, entries.size())),
                Updates.combine(Updates.set(Outbox.FIELD, List.of()), Updates.unset(Outbox.PENDING_SINCE),
                        Updates.unset(Outbox.LEASE_UNTIL), Updates.unset(Outbox.LEASE_OWNER))).getModifiedCount() == 1) {
            return acknowledged.size();
        }
        Bson update = Updates.combine(Updates.unset(Outbox.LEASE_UNTIL), Updates.unset(Outbox.LEASE_OWNER));
        if (!acknowledged.isEmpty()) {
            update = Updates.combine(update,
                    Updates.pullByFilter(new Document(Outbox.FIELD, new Document("event_id", new Document("$in", acknowledged)))));
        }
        source.updateOne(leaseMine, update);
        source.updateOne(Filters.and(Filters.eq("_id", claimed.get("_id")), Filters.exists(Outbox.FIELD + ".0", false),
                Filters.exists(Outbox.PENDING_SINCE)), Updates.unset(Outbox.PENDING_SINCE));
        return acknowledged.size();
    }

    private void loop() {
        Duration backoff = settings.pollInterval();
        while (running) {
            try {
                backoff = relayOnce().stalled() ? nextBackoff(backoff) : settings.pollInterval();
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay pass failed, will retry in %s: %s", backoff, rootMessage(e));
                backoff = nextBackoff(backoff);
            }
            try {
                if (wakeUp.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                } else {
                    sweepRequested.set(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publisher.close();
    }
}
