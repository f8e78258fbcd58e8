package com.misty.orders.rest;

import com.misty.orders.domain.ClientChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code PATCH /api/clients/{id}}: only the fields sent change. {@code version} is the version the change is based
 * on (or send it as {@code If-Match}). The code is fixed; deactivate with {@code POST .../deactivate}.
 */
public record PatchClientRequest(
        Long version,
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 50) List<@NotNull @Valid ClientContactRequest> contacts,
        @Size(max = 1000) String billingAddress,
        @Size(max = 1000) String deliveryAddress,
        @Size(max = 4000) String notes) {

    ClientChanges toChanges() {
        return new ClientChanges(name == null ? null : name.strip(), ClientContactRequest.toContacts(contacts),
                billingAddress, deliveryAddress, notes, null);
    }
}
