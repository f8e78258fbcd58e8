package com.misty.orders.repository;

import com.misty.orders.domain.Client;
import com.misty.orders.domain.ClientContact;
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

    static Client fromDocument(Document doc) {
        List<ClientContact> contacts = doc.getList("contacts", Document.class, List.of()).stream()
                .map(c -> new ClientContact(c.getString("name"), c.getString("email"), c.getString("phone"),
                        c.getString("role"))).toList();
        Object version = doc.get(VERSION);
        return new Client(doc.getString(ID), doc.getString(CODE), doc.getString(NAME), contacts,
                doc.getString("billing_address"), doc.getString("delivery_address"), doc.getString("notes"),
                !Boolean.FALSE.equals(doc.getBoolean(ACTIVE)), version instanceof Number n ? n.longValue() : 1,
                doc.getString("created_by"), doc.getDate("created_at").toInstant(),
                doc.getString("updated_by"), doc.getDate("updated_at").toInstant());
    }
}
