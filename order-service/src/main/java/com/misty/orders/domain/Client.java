package com.misty.orders.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client orders are placed for. {@code code} is unique and fixed at creation; a client is deactivated, never
 * deleted, so the orders placed for it keep pointing at a record.
 */
public record Client(String id, String code, String name, List<ClientContact> contacts, String billingAddress,
                     String deliveryAddress, String notes, boolean active, long version,
                     String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public Client {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public static Client created(String id, NewClient client, String actor, Instant now) {
        return new Client(id, client.code(), client.name(), client.contacts(), client.billingAddress(),
                client.deliveryAddress(), client.notes(), true, 1, actor, now, actor, now);
    }

    /** The contact called {@code name} (case-insensitive), if the client has one. */
    public Optional<ClientContact> contactNamed(String name) {
        return contacts.stream().filter(c -> c.name() != null && c.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /**
     * The contact a new order keeps as its snapshot: the one it names (missing email or phone filled from the
     * client's record), or the client's first contact when the order names none; what the order sends wins.
     */
    public OrderDetails withChosenContact(OrderDetails order) {
        boolean namesNone = order.contactName() == null && order.contactEmail() == null && order.contactPhone() == null;
        Optional<ClientContact> chosen = namesNone ? contacts.stream().findFirst()
                : order.contactName() == null ? Optional.empty() : contactNamed(order.contactName());
        if (chosen.isEmpty()) {
            return order;
        }
        ClientContact contact = chosen.get();
        return new OrderDetails(order.contactName() != null ? order.contactName() : contact.name(),
                order.contactEmail() != null ? order.contactEmail() : contact.email(),
                order.contactPhone() != null ? order.contactPhone() : contact.phone(),
                order.lines(), order.dueDate(), order.notes());
    }

    /** The next version with {@code changes} applied (null fields stay as they are). */
    public Client with(ClientChanges changes, String actor, Instant now) {
        return new Client(id, code,
                changes.name() != null ? changes.name() : name,
                changes.contacts() != null ? changes.contacts() : contacts,
                changes.billingAddress() != null ? changes.billingAddress() : billingAddress,
                changes.deliveryAddress() != null ? changes.deliveryAddress() : deliveryAddress,
                changes.notes() != null ? changes.notes() : notes,
                changes.active() != null ? changes.active() : active,
                version + 1, createdBy, createdAt, actor, now);
    }

    /** The names (as in the client's JSON) of the fields in which {@code other} differs from this client. */
    public List<String> changedFields(Client other) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(name, other.name)) {
            changed.add("name");
        }
        if (!Objects.equals(contacts, other.contacts)) {
            changed.add("contacts");
        }
        if (!Objects.equals(billingAddress, other.billingAddress)) {
            changed.add("billing_address");
        }
        if (!Objects.equals(deliveryAddress, other.deliveryAddress)) {
            changed.add("delivery_address");
        }
        if (!Objects.equals(notes, other.notes)) {
            changed.add("notes");
        }
        if (active != other.active) {
            changed.add("active");
        }
        return changed;
    }
}
