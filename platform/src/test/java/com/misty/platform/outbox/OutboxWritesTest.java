package com.misty.platform.outbox;

import com.misty.platform.StandInMongo;
import com.misty.contracts.EventEnvelope;
import com.misty.platform.idempotency.IdempotentUpdate;
import com.misty.platform.storage.DuplicateKeys;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each write stores its events with the change, and wakes the relay for exactly the documents that got events. */
class OutboxWritesTest {

    private static final String TOPIC = "inventory.events";

    @RegisterExtension
    static final StandInMongo MONGO = new StandInMongo();

    private MongoCollection<Document> stock;
    private final List<String> woken = new CopyOnWriteArrayList<>();
    private OutboxWrites writes;

    @BeforeEach
    void freshCollection() {
        stock = MONGO.database("outbox_writes_test").getCollection("stock");
        stock.drop();
        stock.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        stock.insertOne(new Document("_id", "s1").append("code", "A").append("quantity_on_hand", 10L));
        writes = new OutboxWrites(stock, TOPIC, (collection, id) -> woken.add(collection + ":" + id));
    }

    @Test
    void anInsertStoresTheDocumentWithItsEventsAndWakesTheRelayForIt() {
        EventEnvelope created = OutboxRelayTest.event(1);

        writes.insertOne(new Document("_id", "s2").append("code", "B"), List.of(created));

        Document stored = stock.find(Filters.eq("_id", "s2")).first();
        assertThat(stored.getString("code")).isEqualTo("B");
        assertThat(eventIds(stored)).containsExactly(created.eventId().toString());
        assertThat(stored.get(Outbox.PENDING_SINCE)).isNotNull();
        assertThat(woken).containsExactly("stock:s2");
    }

    @Test
    void aRefusedInsertThrowsAndWakesNothing() {
        assertThatThrownBy(() -> writes.insertOne(new Document("_id", "s2").append("code", "A"), List.of(OutboxRelayTest.event(1))))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(DuplicateKeys.is(e)).isTrue());
        assertThatThrownBy(() -> writes.upsertNew("s3", new Document("code", "A"), List.of(OutboxRelayTest.event(2))))
                .satisfies(e -> assertThat(DuplicateKeys.is((RuntimeException) e)).isTrue());

        assertThat(stock.countDocuments()).isEqualTo(1);
        assertThat(woken).isEmpty();
    }

    @Test
    void aSealedInsertWithoutARelayThatPublishesFromMemoryIsAnOrdinaryOne() {
        writes.insertSealed(new Document("_id", "s2").append("code", "B"), List.of(OutboxRelayTest.event(1)));

        Document stored = stock.find(Filters.eq("_id", "s2")).first();
        assertThat(stored.getDate(Outbox.PENDING_SINCE)).isBeforeOrEqualTo(new java.util.Date());
        assertThat(woken).containsExactly("stock:s2");
    }

    @Test
    void aSealedInsertHandsItsStoredEntriesToTheRelayAndARefusedOneNothing() {
        List<List<Document>> handed = new CopyOnWriteArrayList<>();
        OutboxWrites sealed = new OutboxWrites(stock, TOPIC, new OutboxWrites.Wakeup() {
            @Override
            public void pending(String collection, Object id) {
                woken.add(collection + ":" + id);
            }

            @Override
            public java.time.Duration sealedGrace() {
                return java.time.Duration.ofSeconds(30);
            }

            @Override
            public void sealed(String collection, Object id, List<Document> entries) {
                handed.add(entries);
            }
        });
        EventEnvelope created = OutboxRelayTest.event(1);

        sealed.insertSealed(new Document("_id", "s2").append("code", "B"), List.of(created));
        assertThatThrownBy(() -> sealed.insertSealed(new Document("_id", "s3").append("code", "A"), List.of(OutboxRelayTest.event(2))))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(DuplicateKeys.is(e)).isTrue());

        assertThat(handed).hasSize(1);
        assertThat(handed.get(0)).extracting(e -> e.getString("event_id")).containsExactly(created.eventId().toString());
        assertThat(eventIds(stock.find(Filters.eq("_id", "s2")).first())).containsExactly(created.eventId().toString());
        assertThat(woken).as("nobody else is woken for a sealed insert").isEmpty();
    }

    @Test
    void anUpsertOfANewIdStoresTheFieldsAndTheEvents() {
        EventEnvelope created = OutboxRelayTest.event(1);

        writes.upsertNew("s2", new Document("code", "B"), List.of(created));

        Document stored = stock.find(Filters.eq("_id", "s2")).first();
        assertThat(stored.getString("code")).isEqualTo("B");
        assertThat(eventIds(stored)).containsExactly(created.eventId().toString());
        assertThat(woken).containsExactly("stock:s2");
    }

    @Test
    void aGuardedUpdateAddsTheEventsOnlyWhenTheGuardHolds() {
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        EventEnvelope refused = OutboxRelayTest.event(1);
        EventEnvelope taken = OutboxRelayTest.event(2);

        Document none = writes.findOneAndUpdate(Filters.and(Filters.eq("_id", "s1"), Filters.gte("quantity_on_hand", 11L)),
                Updates.inc("quantity_on_hand", -11L), List.of(refused), after);
        Document changed = writes.findOneAndUpdate(Filters.and(Filters.eq("_id", "s1"), Filters.gte("quantity_on_hand", 4L)),
                Updates.inc("quantity_on_hand", -4L), List.of(taken), after);

        assertThat(none).isNull();
        assertThat(changed.getLong("quantity_on_hand")).isEqualTo(6L);
        assertThat(eventIds(stock.find(Filters.eq("_id", "s1")).first())).containsExactly(taken.eventId().toString());
        assertThat(woken).containsExactly("stock:s1");
    }

    @Test
    void aWriteWithoutEventsIsAPlainWriteAndWakesNothing() {
        assertThat(writes.updateById("s1", Updates.inc("quantity_on_hand", 1L), List.of())).isTrue();
        writes.findOneAndUpdate(Filters.eq("_id", "s1"), Updates.inc("quantity_on_hand", 1L), List.of(),
                new FindOneAndUpdateOptions());

        Document stored = stock.find(Filters.eq("_id", "s1")).first();
        assertThat(stored.getLong("quantity_on_hand")).isEqualTo(12L);
        assertThat(stored.containsKey(Outbox.FIELD)).isFalse();
        assertThat(stored.containsKey(Outbox.PENDING_SINCE)).isFalse();
        assertThat(woken).isEmpty();
    }

    @Test
    void anUpdateByIdOfAnAbsentDocumentStoresNothingAndSaysSo() {
        assertThat(writes.updateById("nope", Updates.set("code", "X"), List.of(OutboxRelayTest.event(1)))).isFalse();
        assertThat(writes.updateById("s1", Updates.combine(), List.of(OutboxRelayTest.event(2)))).isTrue();

        assertThat(stock.countDocuments()).isEqualTo(1);
        assertThat(eventIds(stock.find(Filters.eq("_id", "s1")).first())).hasSize(1);
        assertThat(woken).containsExactly("stock:s1");
    }

    @Test
    void aGuardedUpdateOneAddsTheEventsOnlyWhenTheGuardHolds() {
        EventEnvelope refused = OutboxRelayTest.event(1);
        EventEnvelope taken = OutboxRelayTest.event(2);

        boolean none = writes.updateOne("s1", Filters.and(Filters.eq("_id", "s1"), Filters.eq("low", true)),
                Updates.set("low", true), List.of(refused));
        boolean changed = writes.updateOne("s1", Filters.and(Filters.eq("_id", "s1"), Filters.ne("low", true)),
                Updates.set("low", true), List.of(taken));

        assertThat(none).isFalse();
        assertThat(changed).isTrue();
        assertThat(eventIds(stock.find(Filters.eq("_id", "s1")).first())).containsExactly(taken.eventId().toString());
        assertThat(woken).containsExactly("stock:s1");
    }

    @Test
    void aRedeliveredEventIsAppliedAndAnnouncedOnce() {
        UUID delivered = UUID.randomUUID();
        EventEnvelope first = OutboxRelayTest.event(1);

        IdempotentUpdate.Result applied = writes.applyOnce("s1", delivered, Filters.gte("quantity_on_hand", 1L),
                Updates.inc("quantity_on_hand", -1L), List.of(first));
        IdempotentUpdate.Result again = writes.applyOnce("s1", delivered, Filters.gte("quantity_on_hand", 1L),
                Updates.inc("quantity_on_hand", -1L), List.of(OutboxRelayTest.event(2)));

        assertThat(applied.outcome()).isEqualTo(IdempotentUpdate.Outcome.APPLIED);
        assertThat(again.outcome()).isEqualTo(IdempotentUpdate.Outcome.ALREADY_APPLIED);
        Document stored = stock.find(Filters.eq("_id", "s1")).first();
        assertThat(stored.getLong("quantity_on_hand")).isEqualTo(9L);
        assertThat(eventIds(stored)).containsExactly(first.eventId().toString());
        assertThat(woken).containsExactly("stock:s1");
    }

    private static List<String> eventIds(Document document) {
        return document.getList(Outbox.FIELD, Document.class, List.of()).stream().map(e -> e.getString("event_id")).toList();
    }
}
