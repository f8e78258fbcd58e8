package com.misty.systemtest;

import java.util.Map;
import java.util.UUID;

/** Creates users through the gateway (as an administrator does in the UI) and signs them in. */
public final class Accounts {

    private Accounts() {
    }

    /** A new user with {@code role} (admin, manager, production, employee), signed in. */
    public static Session newUser(RunningSuite suite, Session admin, String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        admin.post("/api/auth/users", Map.of("username", username, "password", password, "role", role,
                "full_name", "System Test " + username)).expect(201);
        return suite.client().login(username, password);
    }
}
