package com.misty.orders.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.misty.contracts.imports.OriginalValues.active;
import static com.misty.contracts.imports.OriginalValues.firstText;
import static com.misty.contracts.imports.OriginalValues.instant;
import static com.misty.contracts.imports.OriginalValues.text;

/**
 * How a client of the original system becomes a client of this suite (the root README's import section documents
 * the rules): its {@code id} is kept, so orders and stock keep pointing at it; its name is {@code name} (or
 * {@code company_name}, {@code client_name}); its code is {@code code} (or {@code client_code}), else made from the
 * id; its contacts come from a {@code contacts} list or the single contact fields. A client whose code another holds
 * is renumbered like a duplicate order number.
 */
public final class OriginalClientMapping {

    /** The fields this mapping reads; anything else on a record is reported as unmapped. */
    public static final Set<String> KNOWN_FIELDS = Set.of("_id", "id", "code", "client_code", "name", "company_name",
            "client_name", "contacts", "contact_name", "contact_email", "contact_phone", "email", "phone",
            "billing_address", "delivery_address", "address", "notes", "active", "is_active", "created_at", "created_by",
            "updated_at");

    private static final int MAX_CODE = 40;

    private OriginalClientMapping() {
    }

    /** A client ready to store, or the reason the record cannot become one. */
    public sealed interface Mapped permits Accepted, Refused {
    }

    public record Accepted(Client client) implements Mapped {
    }

    public record Refused(String id, String reason) implements Mapped {
    }

    public static Mapped map(Map<String, Object> record, String actor, Instant now) {
        String id = text(record.get("id"));
        if (id == null) {
            return new Refused(text(record.get("_id")), "no id: the orders referring to it could not be kept");
        }
        String name = firstText(record, "name", "company_name", "client_name");
        if (name == null) {
            return new Refused(id, "no name (name, company_name or client_name)");
        }
        String code = firstText(record, "code", "client_code");
        code = codeFrom(code == null ? id : code);
        if (code.isEmpty()) {
            return new Refused(id, "no code can be made of '" + id + "'");
        }
        String address = text(record.get("address"));
        String billing = text(record.get("billing_address"));
        Instant created = instant(record.get("created_at"));
        String createdBy = text(record.get("created_by"));
        return new Accepted(new Client(id, code, name, contacts(record), billing == null ? address : billing,
                text(record.get("delivery_address")), text(record.get("notes")), active(record), 1,
                createdBy == null ? actor : createdBy, created == null ? now : created, actor, now));
    }

    /** The same client under another code (a duplicate of a code the suite holds). */
    public static Client recoded(Client client, String code) {
        return new Client(client.id(), code, client.name(), client.contacts(), client.billingAddress(),
                client.deliveryAddress(), client.notes(), client.active(), client.version(), client.createdBy(),
                client.createdAt(), client.updatedBy(), client.updatedAt());
    }

    /** A code of the characters a client code allows, short enough to leave room for a duplicate suffix. */
    private static String codeFrom(String raw) {
        String code = raw.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[._-]+", "");
        return code.length() > MAX_CODE - 6 ? code.substring(0, MAX_CODE - 6) : code;
    }

    private static List<ClientContact> contacts(Map<String, Object> record) {
        List<ClientContact> contacts = new ArrayList<>();
        if (record.get("contacts") instanceof List<?> stored) {
            for (Object item : stored) {
                if (item instanceof Map<?, ?> contact && text(contact.get("name")) != null) {
                    contacts.add(new ClientContact(text(contact.get("name")), text(contact.get("email")),
                            text(contact.get("phone")), text(contact.get("role"))));
                }
            }
        }
        String single = text(record.get("contact_name"));
        if (contacts.isEmpty() && single != null) {
            contacts.add(new ClientContact(single, firstText(record, "contact_email", "email"),
                    firstText(record, "contact_phone", "phone"), null));
        }
        return contacts;
    }
}
