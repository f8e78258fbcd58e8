package com.misty.orders.repository;

import com.misty.orders.domain.Client;
import com.misty.orders.domain.ClientContact;
import com.misty.platform.storage.StoredValues;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/** Maps clients to and from their stored form (snake_case fields). */
final class ClientDocuments {

    static final String ID = "_id";
    static final String CODE = "code";
    static final String NAME = "name";
    static final String ACTIVE = "active";
    static final String VERSION = "version";

    private ClientDocuments() {
    }

    static Document newClientFields(Client client) {
        Document fields = new Document(CODE, client.code())
                .append("created_by", client.createdBy())
                .append("created_at", Date.from(client.createdAt()))
                .append(VERSION, client.version());
        fields.putAll(mutableFields(client));
        return fields;
    }

    static Document mutableFields(Client client) {
        return new Document(NAME, client.name())
                .append("contacts", client.contacts().stream().map(c -> new Document("name", c.name())
                        .append("email", c.email()).append("phone", c.phone()).append("role", c.role())).toList())
                .append("billing_address", client.billingAddress())
                .append("delivery_address", client.deliveryAddress())
                .append("notes", client.notes())
                .append(ACTIVE, client.active())
                .append("updated_by", client.updatedBy())
                .append("updated_at", Date.from(client.updatedAt()));
    }

    /** Reads tolerantly ({@link StoredValues}): a client without {@code active} is active, without a version at 1. */
    static Client fromDocument(Document doc) {
        List<ClientContact> contacts = StoredValues.documents(doc, "contacts").stream()
                .map(c -> new ClientContact(StoredValues.text(c, "name"), StoredValues.text(c, "email"),
                        StoredValues.text(c, "phone"), StoredValues.text(c, "role"))).toList();
        return new Client(StoredValues.id(doc), StoredValues.text(doc, CODE), StoredValues.text(doc, NAME), contacts,
                StoredValues.text(doc, "billing_address"), StoredValues.text(doc, "delivery_address"),
                StoredValues.text(doc, "notes"), StoredValues.flag(doc, ACTIVE, true), StoredValues.number(doc, VERSION, 1),
                StoredValues.text(doc, "created_by"), StoredValues.instant(doc, "created_at"),
                StoredValues.text(doc, "updated_by"), StoredValues.instant(doc, "updated_at"));
    }
}
