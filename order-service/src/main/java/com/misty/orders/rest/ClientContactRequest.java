package com.misty.orders.rest;

import com.misty.orders.domain.ClientContact;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** One contact person of a client. */
public record ClientContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 200) String email,
        @Size(max = 50) String phone,
        @Size(max = 100) String role) {

    static List<ClientContact> toContacts(List<ClientContactRequest> contacts) {
        return contacts == null ? null
                : contacts.stream().map(c -> new ClientContact(c.name.strip(), c.email, c.phone, c.role)).toList();
    }
}
