package com.misty.platform.outbox;

import com.misty.platform.lifecycle.PollingWorker;
import com.misty.platform.storage.DuplicateKeys;
import com.mongodb.MongoBulkWriteException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in the {@code outbox} arrays of a service's documents, and removes each one
 * only after the broker acknowledged it. A broker outage therefore delays events but never loses them; a
 * crash between acknowledgement and removal republishes an event, which idempotent consumers absorb.
 *
 * <p>With several replicas, a relay first takes a lease on a document — a document of its own in
 * {@code outbox_leases}, keyed by collection and id, inserted (a second insert fails on the key) or taken over
 * once expired — so replicas do not publish the same entries; the lease expires if its holder dies. While it holds
 * the lease, the relay reads and changes the outbox document by its {@code _id} alone: the MongoDB stand-in uses an
 * index only for a filter on exactly {@code _id}, and any other guard there scans the whole collection, which for an
 * insert-only ledger grows with every movement (a burst of 20,000 one-event documents took minutes that way). The
 * events of one document are published in order, and the first failure stops that document's batch so that order
 * is kept on retry.
 *
 * <p>A sealed insert ({@link OutboxWrites#insertSealed}: a document that gets no events after its insert, such as
 * an insert-only ledger entry) skips the lease and the reads: its writer hands the stored entries to this process's
 * relay, which publishes them from memory and removes what the broker acknowledged. Nobody else is woken for such a
 * document, and the sweep leaves it alone for a lease ({@link Outbox#sealedDocumentFields}); what was not published
 * (a broker outage) is handed to the sweep at once, and should the process die, the sweep takes it after the lease.
 */
public final class OutboxRelay implements AutoCloseable {

    /** The collection of leases, beside the outbox collections in the service's database. */
    public static final String LEASES = "outbox_leases";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final List<MongoCollection<Document>> sources;
    private final MongoCollection<Document> leases;
    private final EventPublisher publisher;
    private final OutboxSettings settings;
    private final String owner;
    private final Clock clock;
    private final java.util.Queue<Wake> woken = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<SealedInsert> sealed = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger sealedQueued = new java.util.concurrent.atomic.AtomicInteger();
    /** When the sealed inserts gathering now are due, as the last pass left them; read and written by the worker only. */
    private Duration sealedDueIn;
    /** Whether the worker's current pause is the gathering's, not a poll interval; worker only. */
    private boolean waitedForSealed;
    private final java.util.concurrent.atomic.AtomicBoolean sweepRequested = new java.util.concurrent.atomic.AtomicBoolean(true);
    private volatile boolean legacySwept;
    private final PollingWorker worker;
    /** The pause after the last pass; read and written by the worker's thread only. */
    private Duration backoff;
    private final OutboxMetrics metrics;

    public OutboxRelay(List<MongoCollection<Document>> sources, MongoCollection<Document> leases, EventPublisher publisher,
                       OutboxSettings settings, String owner, Clock clock) {
        this(sources, leases, publisher, settings, owner, clock, new SimpleMeterRegistry());
    }

    public OutboxRelay(List<MongoCollection<Document>> sources, MongoCollection<Document> leases, EventPublisher publisher,
                       OutboxSettings settings, String owner, Clock clock, MeterRegistry registry) {
        this.metrics = new OutboxMetrics(registry, sources, clock);
        this.sources = List.copyOf(sources);
        this.leases = leases;
        this.publisher = publisher;
        this.settings = settings;
        this.owner = owner;
        this.clock = clock;
        this.backoff = settings.pollInterval();
        this.worker = new PollingWorker("outbox-relay", settings.pollInterval(), this::pass);
    }

    /** Starts the background loop: relay, then sleep for the poll interval or until {@link #nudge()}. */
    public void start() {
        worker.start();
    }

    /** Asks the loop for a pass with a sweep now instead of at the next poll. */
    public void nudge() {
        sweepRequested.set(true);
        worker.wakeUp();
    }

    /**
     * Asks the loop to publish the pending events of one document now; it claims that document directly,
     * without looking for others (the hot path never searches a collection).
     */
    public void nudge(String collection, Object id) {
        woken.add(new Wake(collection, plain(id)));
        worker.wakeUp();
    }

    /**
     * Publishes the events of a sealed insert of this process ({@link OutboxWrites#insertSealed}) as they were
     * stored: no lease (nobody else is woken for the document, and the sweep leaves it alone for a lease), no read
     * before, none after; only the removal of what the broker acknowledged is written.
     */
    public void publishSealed(String collection, Object id, List<Document> entries) {
        sealed.add(new SealedInsert(collection, plain(id), entries, System.nanoTime()));
        int queued = sealedQueued.incrementAndGet();
        // The first one starts the gathering (the pass works out when it is due); a full batch goes at once.
        if (queued == 1 || queued >= settings.batchSize() || settings.sealedGather().isZero()) {
            worker.wakeUp();
        }
    }

    /**
     * The id as a read of the document returns it. A codec hands ids on as {@code BsonValue}s, which name the same
     * document but are not equal to what the sweep reads; keyed by both, one document had two leases and two relays
     * published its events.
     */
    private static Object plain(Object id) {
        if (!(id instanceof BsonValue value)) {
            return id;
        }
        return new DocumentCodec().decode(new BsonDocumentReader(new BsonDocument("_id", value)),
                DecoderContext.builder().build()).get("_id");
    }

    private record Wake(String collection, Object id) {
    }

    private record SealedInsert(String collection, Object id, List<Document> entries, long queuedAtNanos) {
    }

    /** @param stalled an event was not acknowledged; the loop backs off before the next pass */
    public record PassResult(int published, boolean stalled) {
    }

    /**
     * Publishes what is pending now: first the documents woken by id, then (when asked, or after a quiet poll
     * interval) what the safety-net sweep finds. Either way documents go in batches: leased together, all their
     * events sent before any acknowledgement is awaited, released as their acknowledgements arrive — one broker
     * round trip and a few database round trips per batch instead of per document.
     *
     * @return how many events the broker acknowledged (and were removed), and whether one was not acknowledged
     */
    public PassResult relayOnce() {
        PassResult fromMemory = relaySealed();
        if (fromMemory.stalled()) {
            sweepRequested.set(true);
            return fromMemory;
        }
        int published = fromMemory.published();
        while (!woken.isEmpty()) {
            Map<MongoCollection<Document>, List<Object>> batch = new LinkedHashMap<>();
            int size = 0;
            for (Wake wake; size < settings.batchSize() && (wake = woken.poll()) != null; ) {
                MongoCollection<Document> source = source(wake.collection());
                if (source != null) {
                    batch.computeIfAbsent(source, s -> new ArrayList<>()).add(wake.id());
                    size++;
                }
            }
            PassResult result = relayBatch(batch);
            published += result.published();
            if (result.stalled()) {
                sweepRequested.set(true);
                return new PassResult(published, true);
            }
        }
        if (!sweepRequested.getAndSet(false)) {
            return new PassResult(published, false);
        }
        boolean more = false;
        for (MongoCollection<Document> source : sources) {
            List<Object> ids = pendingDocumentIds(source);
            PassResult result = relayBatch(Map.of(source, ids));
            published += result.published();
            if (result.stalled()) {
                // The broker is likely away: stop the pass rather than time out on every document.
                sweepRequested.set(true);
                return new PassResult(published, true);
            }
            more |= ids.size() == settings.batchSize() && result.published() > 0;
        }
        if (more) {
            // A backlog (say, after an outage): sweep on at once, one batch per collection at a time, so that
            // documents woken meanwhile do not wait behind the whole backlog.
            nudge();
        }
        legacySwept = true;
        return new PassResult(published, false);
    }

    /**
     * The sealed inserts handed over, in batches, once the oldest has gathered company for
     * {@link OutboxSettings#sealedGather()} or a batch is full; on a stall the rest go to the sweep (memory stays
     * bounded).
     */
    private PassResult relaySealed() {
        int published = 0;
        sealedDueIn = null;
        for (SealedInsert oldest; (oldest = sealed.peek()) != null; ) {
            long waitedNanos = System.nanoTime() - oldest.queuedAtNanos();
            long gatherNanos = settings.sealedGather().toNanos();
            if (waitedNanos < gatherNanos && sealedQueued.get() < settings.batchSize()) {
                // Whole milliseconds, rounded up: the worker waits in milliseconds, and a zero would spin.
                sealedDueIn = Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(gatherNanos - waitedNanos) + 1);
                break;
            }
            Map<MongoCollection<Document>, List<Sending>> sent = new LinkedHashMap<>();
            boolean refused = false;
            for (int size = 0; size < settings.batchSize(); size++) {
                SealedInsert next = sealed.poll();
                if (next == null) {
                    break;
                }
                sealedQueued.decrementAndGet();
                MongoCollection<Document> source = source(next.collection());
                if (source != null) {
                    Sending sending = send(new Document("_id", next.id()).append(Outbox.FIELD, next.entries()), refused);
                    refused |= sending.refused();
                    sent.computeIfAbsent(source, s -> new ArrayList<>()).add(sending);
                }
            }
            PassResult result = settle(sent, true);
            published += result.published();
            if (result.stalled()) {
                handBackQueuedSealed();
                return new PassResult(published, true);
            }
        }
        return new PassResult(published, false);
    }

    /**
     * The broker is away: the sealed inserts still queued become ordinary pending documents at once, for the
     * sweep to retry under leases, rather than piling up in memory for the length of the outage.
     */
    private void handBackQueuedSealed() {
        Map<MongoCollection<Document>, List<WriteModel<Document>>> handBacks = new LinkedHashMap<>();
        for (SealedInsert next; (next = sealed.poll()) != null; ) {
            sealedQueued.decrementAndGet();
            MongoCollection<Document> source = source(next.collection());
            if (source != null && !next.entries().isEmpty()) {
                handBacks.computeIfAbsent(source, s -> new ArrayList<>()).add(new UpdateOneModel<>(
                        Filters.eq("_id", next.id()), handBackToSweep(next.entries().get(0))));
            }
        }
        // Should this write fail too, each document is still taken by the sweep once its grace is over.
        handBacks.forEach((source, writes) -> source.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
    }

    /** Makes a sealed document's pending time that of its first unpublished event: the sweep takes it from now on. */
    private static Bson handBackToSweep(Document firstUnpublished) {
        return Updates.set(Outbox.PENDING_SINCE, firstUnpublished.getDate("created_at"));
    }

    private PassResult relayBatch(Map<MongoCollection<Document>, List<Object>> batch) {
        // Every document of the batch is sent before any acknowledgement is awaited: one broker round trip per batch.
        Map<MongoCollection<Document>, List<Sending>> sent = new LinkedHashMap<>();
        boolean[] refused = {false};
        batch.forEach((source, ids) -> {
            if (!ids.isEmpty()) {
                sent.put(source, claim(source, ids).stream().map(claimed -> {
                    Sending sending = send(claimed, refused[0]);
                    refused[0] |= sending.refused();
                    return sending;
                }).toList());
            }
        });
        return settle(sent, false);
    }

    /**
     * Awaits the acknowledgements of what was sent, removes what they cover, and gives the leases back (of sealed
     * documents, none was taken).
     */
    private PassResult settle(Map<MongoCollection<Document>, List<Sending>> sent, boolean sealedInserts) {
        int published = 0;
        boolean stalled = false;
        for (Map.Entry<MongoCollection<Document>, List<Sending>> one : sent.entrySet()) {
            MongoCollection<Document> source = one.getKey();
            List<List<String>> acknowledged = new ArrayList<>();
            for (Sending document : one.getValue()) {
                List<String> acks = awaitAcknowledgements(source, document, stalled);
                acknowledged.add(acks);
                published += acks.size();
                stalled |= acks.size() < document.entries().size();
            }
            if (sealedInserts) {
                removeAcknowledgedSealed(source, one.getValue(), acknowledged);
            } else {
                removeAcknowledged(source, one.getValue(), acknowledged);
                releaseLeases(one.getValue().stream().map(d -> leaseId(source, d.claimed().get("_id")))
                        .collect(java.util.stream.Collectors.toSet()));
            }
        }
        return new PassResult(published, stalled);
    }

    private MongoCollection<Document> source(String collection) {
        for (MongoCollection<Document> source : sources) {
            if (source.getNamespace().getCollectionName().equals(collection)) {
                return source;
            }
        }
        return null;
    }

    private List<Object> pendingDocumentIds(MongoCollection<Document> source) {
        List<Object> ids = new ArrayList<>();
        // The safety net: served by the index on outbox_pending_since. Only the first sweep after a start also
        // looks for documents written before that field existed (a one-time scan, not on the hot path).
        // A pending time still ahead marks a sealed insert its writer's relay is publishing (Outbox.sealedDocumentFields).
        Date now = Date.from(clock.instant());
        Bson pending = legacySwept ? Filters.lte(Outbox.PENDING_SINCE, now)
                : Filters.and(Filters.exists(Outbox.FIELD + ".0"), Filters.not(Filters.gt(Outbox.PENDING_SINCE, now)));
        source.find(pending).projection(Projections.include("_id")).limit(settings.batchSize())
                .forEach(doc -> ids.add(doc.get("_id")));
        return ids;
    }

    /**
     * Leases these documents and reads the outbox of each one leased that has events. A lease is a document
     * {@code {_id: "<collection>:<id>", owner, until}}: inserting it succeeds for one relay only; one that
     * expired (its holder died) is taken over by a guarded update on the small lease collection.
     */
    private List<Document> claim(MongoCollection<Document> source, List<Object> ids) {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(settings.lease()));
        Map<String, Object> byLease = new LinkedHashMap<>();
        ids.forEach(id -> byLease.put(leaseId(source, id), id));
        List<Document> wanted = byLease.keySet().stream()
                .map(lease -> new Document("_id", lease).append("owner", owner).append("until", until)).toList();
        Set<String> held = new HashSet<>(byLease.keySet());
        try {
            leases.insertMany(wanted, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> {
                String lease = wanted.get(error.getIndex()).getString("_id");
                if (!DuplicateKeys.is(error) || !takeOverExpired(lease, now, until)) {
                    held.remove(lease);
                }
            });
        }
        if (held.isEmpty()) {
            return List.of();
        }
        List<Object> leasedIds = held.stream().map(byLease::get).toList();
        List<Document> claimed = new ArrayList<>();
        Set<String> empty = new HashSet<>(held);
        source.find(Filters.in("_id", leasedIds)).projection(Projections.include(Outbox.FIELD)).forEach(doc -> {
            if (!doc.getList(Outbox.FIELD, Document.class, List.of()).isEmpty()) {
                claimed.add(doc);
                empty.remove(leaseId(source, doc.get("_id")));
            }
        });
        // Already published (a second nudge, or another relay got there first): nothing to do, give the lease back.
        releaseLeases(empty);
        return claimed;
    }

    private boolean takeOverExpired(String lease, Instant now, Date until) {
        return leases.updateOne(Filters.and(Filters.eq("_id", lease), Filters.lt("until", Date.from(now))),
                Updates.combine(Updates.set("owner", owner), Updates.set("until", until))).getModifiedCount() == 1;
    }

    private void releaseLeases(Set<String> leaseIds) {
        if (!leaseIds.isEmpty()) {
            // Only this relay's: a lease that expired and was taken over stays with its new holder.
            leases.deleteMany(Filters.and(Filters.in("_id", leaseIds), Filters.eq("owner", owner)));
        }
    }

    private static String leaseId(MongoCollection<Document> source, Object id) {
        return source.getNamespace().getCollectionName() + ":" + id;
    }

    /** A claimed document's events and the producer's futures of those handed over (fewer when it refused one). */
    private record Sending(Document claimed, List<Document> entries, List<CompletableFuture<Void>> acks) {
        boolean refused() {
            return acks.size() < entries.size() || (!acks.isEmpty() && acks.get(acks.size() - 1).isCompletedExceptionally());
        }
    }

    /**
     * Hands a claimed document's events to the producer, in order, and stops at the first one it refuses at once:
     * with the broker away, each send can block for the producer's max.block.ms before failing, so sending the rest
     * of a batch would keep the relay (and its failure count) waiting for minutes. Nothing is sent once an earlier
     * document of the batch was refused ({@code alreadyRefused}); the events stay and go in a later pass.
     */
    private Sending send(Document claimed, boolean alreadyRefused) {
        List<Document> entries = claimed.getList(Outbox.FIELD, Document.class, List.of());
        List<CompletableFuture<Void>> acks = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size() && !alreadyRefused; i++) {
            Document entry = entries.get(i);
            CompletableFuture<Void> ack = publisher.publish(entry.getString("topic"), entry.getString("key"),
                    entry.getString("envelope"), Outbox.traceOf(entry));
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        return new Sending(claimed, entries, acks);
    }

    /** The event ids the broker acknowledged, in order up to the first that it did not (none once it seems away). */
    private List<String> awaitAcknowledgements(MongoCollection<Document> source, Sending sending, boolean brokerAway) {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < sending.acks().size() && !brokerAway; i++) {
            String eventId = sending.entries().get(i).getString("event_id");
            try {
                sending.acks().get(i).get(settings.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(eventId);
                metrics.published(source, sending.entries().get(i).getDate("created_at"));
            } catch (Exception e) {
                metrics.failed(source);
                LOG.warnf("Outbox event %s of %s not acknowledged, will retry: %s", eventId, source.getNamespace(),
                        rootMessage(e));
                break;
            }
        }
        return acknowledged;
    }

    /**
     * Removes exactly what the broker acknowledged, for the whole batch in one bulk write, by {@code _id} alone (the
     * lease keeps other relays away); {@code $pull} by event id keeps anything appended meanwhile. A document whose
     * claimed events all went out loses its pending mark with them; one that got a new event in between (its writer
     * nudged us too) is marked again, so the sweep still finds it should that nudge be lost.
     */
    private void removeAcknowledged(MongoCollection<Document> source, List<Sending> sending, List<List<String>> acknowledged) {
        List<WriteModel<Document>> removals = new ArrayList<>();
        List<Object> emptied = new ArrayList<>();
        for (int i = 0; i < sending.size(); i++) {
            List<String> acks = acknowledged.get(i);
            if (acks.isEmpty()) {
                continue;
            }
            Object id = sending.get(i).claimed().get("_id");
            Bson pull = Updates.pullByFilter(new Document(Outbox.FIELD, new Document("event_id", new Document("$in", acks))));
            boolean all = acks.size() == sending.get(i).entries().size();
            removals.add(new UpdateOneModel<>(Filters.eq("_id", id), all ? Updates.combine(pull, Updates.unset(Outbox.PENDING_SINCE)) : pull));
            if (all) {
                emptied.add(id);
            }
        }
        if (removals.isEmpty()) {
            return;
        }
        source.bulkWrite(removals, new BulkWriteOptions().ordered(false));
        if (!emptied.isEmpty()) {
            source.find(Filters.in("_id", emptied)).projection(Projections.include(Outbox.FIELD)).forEach(doc -> {
                List<Document> left = doc.getList(Outbox.FIELD, Document.class, List.of());
                if (!left.isEmpty()) {
                    source.updateOne(Filters.eq("_id", doc.get("_id")),
                            Updates.min(Outbox.PENDING_SINCE, left.get(0).getDate("created_at")));
                }
            });
        }
    }

    /**
     * {@link #removeAcknowledged} for sealed documents: no event can have been added meanwhile, so nothing is read
     * back. What the broker did not acknowledge stays, handed to the sweep at once ({@link #handBackToSweep}).
     */
    private void removeAcknowledgedSealed(MongoCollection<Document> source, List<Sending> sending,
                                          List<List<String>> acknowledged) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int i = 0; i < sending.size(); i++) {
            List<String> acks = acknowledged.get(i);
            List<Document> entries = sending.get(i).entries();
            Bson pull = Updates.pullByFilter(new Document(Outbox.FIELD, new Document("event_id", new Document("$in", acks))));
            Bson change = acks.size() == entries.size() ? Updates.combine(pull, Updates.unset(Outbox.PENDING_SINCE))
                    : acks.isEmpty() ? handBackToSweep(entries.get(0))
                    : Updates.combine(pull, handBackToSweep(entries.get(acks.size())));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", sending.get(i).claimed().get("_id")), change));
        }
        if (!writes.isEmpty()) {
            source.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** One pass of the worker; a quiet poll interval (no nudge) asks for the safety-net sweep. */
    private Duration pass(boolean nudged) {
        // A pause cut short for gathered sealed inserts is no quiet poll interval: sweeping after each of those
        // would search the collections every few milliseconds on a busy record.
        if (!nudged && !waitedForSealed) {
            sweepRequested.set(true);
        }
        try {
            backoff = relayOnce().stalled() ? nextBackoff(backoff) : settings.pollInterval();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay pass failed, will retry in %s: %s", backoff, rootMessage(e));
            backoff = nextBackoff(backoff);
        }
        Duration sealedDue = sealedDueIn;
        waitedForSealed = sealedDue != null && sealedDue.compareTo(backoff) < 0;
        return waitedForSealed ? sealedDue : backoff;
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
        worker.stop();
        try {
            // Gathered but not sent: made ordinary pending documents, which the next relay's first sweep takes at
            // once instead of after their grace.
            handBackQueuedSealed();
        } catch (RuntimeException e) {
            LOG.warnf("Sealed inserts not handed back at shutdown; the sweep takes them after their grace: %s",
                    rootMessage(e));
        }
        publisher.close();
    }
}
