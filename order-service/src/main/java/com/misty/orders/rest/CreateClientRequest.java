package com.misty.orders.rest;

import com.misty.orders.domain.NewClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /api/clients}: the server assigns id, version and active. */
public record CreateClientRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be letters, digits, '.', '_' or '-'") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<@NotNull @Valid ClientContactRequest> contacts,
        @Size(max = 1000) String billingAddress,
        @Size(max = 1000) String deliveryAddress,
        @Size(max = 4000) String notes) {

    NewClient toNewClient() {
        List<ClientContactRequest> given = contacts == null ? List.of() : contacts;
        return new NewClient(code.strip(), name.strip(), ClientContactRequest.toContacts(given), billingAddress,
                deliveryAddress, notes);
    }
}
