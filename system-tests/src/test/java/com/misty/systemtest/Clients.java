package com.misty.systemtest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every order names an existing, active client: the tests create one first, as office staff do. */
public final class Clients {

    private Clients() {
    }

    /** Creates an active client named after {@code name} (with a unique code and one contact); returns its id. */
    public static String create(Session user, String name) {
        String code = "C-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        return user.post("/api/clients", Map.of("code", code, "name", name + " " + code,
                        "contacts", List.of(Map.of("name", "Ada Buyer", "email", "ada@example.com", "role", "purchasing"))))
                .expect(201).field("id").asText();
    }
}
