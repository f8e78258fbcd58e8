package com.misty.orders.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.orders.domain.Client;
import com.misty.orders.domain.ClientFilter;
import com.misty.orders.domain.ClientProblems;
import com.misty.platform.outbox.Outbox;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.storage.StoredValues;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** All access to the {@code clients} collection. Every write is one single-document operation. */
@ApplicationScoped
public class ClientRepository implements PanacheMongoRepositoryBase<ClientEntity, String> {

    private static final Bson PUBLIC_FIELDS = Projections.exclude(Outbox.FIELD, "outbox_lease_until", "outbox_lease_owner");

    private final OutboxRelayService relay;
    /** Panache's collection as raw documents (see {@link ClientEntity} why), looked up once. */
    private MongoCollection<Document> clients;
    /** The writes that carry events: they go into the client's outbox in the same write. */
    private OutboxWrites writes;

    public ClientRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    @PostConstruct
    void openCollection() {
        clients = mongoCollection().withDocumentClass(Document.class);
        writes = relay.writes(clients, Topics.ORDERS_EVENTS);
    }

    /** Stores a new client with its first event; a taken code is refused by the unique index (409). */
    public void insert(Client client, List<EventEnvelope> events) {
        try {
            writes.upsertNew(client.id(), ClientDocuments.newClientFields(client), events);
        } catch (MongoWriteException e) {
            if (DuplicateKeys.is(e)) {
                throw ClientProblems.codeTaken(client.code());
            }
            throw e;
        }
    }

    /** What storing an imported client came to. */
    public enum ImportedInsert { INSERTED, ID_TAKEN, CODE_TAKEN }

    /**
     * Stores a client imported from the original system under its own id, with its first event, only if neither
     * the id nor the code is taken; an existing client is never touched, so a second import changes nothing.
     */
    public ImportedInsert insertImported(Client client, List<EventEnvelope> events) {
        Document document = new Document(ClientDocuments.ID, client.id()).append("imported_at", new java.util.Date());
        document.putAll(ClientDocuments.newClientFields(client));
        try {
            writes.insertOne(document, events);
        } catch (RuntimeException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            return exists(client.id()) ? ImportedInsert.ID_TAKEN : ImportedInsert.CODE_TAKEN;
        }
        return ImportedInsert.INSERTED;
    }

    public boolean exists(String id) {
        return clients.find(Filters.eq(ClientDocuments.ID, id)).projection(new Document(ClientDocuments.ID, 1)).first() != null;
    }

    public boolean codeTaken(String code) {
        return clients.find(Filters.eq(ClientDocuments.CODE, code)).projection(new Document(ClientDocuments.ID, 1)).first() != null;
    }

    public Optional<Client> findClient(String id) {
        return Optional.ofNullable(clients.find(StoredValues.byId(id)).projection(PUBLIC_FIELDS).first())
                .map(ClientDocuments::fromDocument);
    }

    public List<Client> find(ClientFilter filter, int skip, int limit) {
        List<Client> page = new ArrayList<>();
        clients.find(filterOf(filter)).projection(PUBLIC_FIELDS)
                .sort(Sorts.ascending(ClientDocuments.NAME, ClientDocuments.CODE)).skip(skip).limit(limit)
                .forEach(doc -> page.add(ClientDocuments.fromDocument(doc)));
        return page;
    }

    public long count(ClientFilter filter) {
        return clients.countDocuments(filterOf(filter));
    }

    /**
     * Writes {@code next} only if the client is still at {@code baseVersion} ({@link #stillAtVersion}): of two
     * writers on one version exactly one wins.
     */
    public Optional<Client> save(Client next, long baseVersion, List<EventEnvelope> events) {
        List<Bson> parts = new ArrayList<>();
        for (Map.Entry<String, Object> field : ClientDocuments.mutableFields(next).entrySet()) {
            parts.add(Updates.set(field.getKey(), field.getValue()));
        }
        parts.add(Updates.inc(ClientDocuments.VERSION, 1L));
        Document after = writes.findOneAndUpdate(stillAtVersion(next.id(), baseVersion), Updates.combine(parts), events,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(PUBLIC_FIELDS));
        return Optional.ofNullable(after).map(ClientDocuments::fromDocument);
    }

    /** The lost-update guard of clients: the write applies only to the version the edit was based on. */
    static Bson stillAtVersion(String id, long baseVersion) {
        return Filters.and(Filters.eq(ClientDocuments.ID, id), Filters.eq(ClientDocuments.VERSION, baseVersion));
    }

    private static Bson filterOf(ClientFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.text() != null) {
            String text = Pattern.quote(filter.text());
            conditions.add(Filters.or(
                    Filters.regex(ClientDocuments.CODE, "^" + text, "i"),
                    Filters.regex(ClientDocuments.NAME, text, "i")));
        }
        if (filter.active() != null) {
            conditions.add(Filters.eq(ClientDocuments.ACTIVE, filter.active()));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }
}
