package com.misty.auth.repository;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The indexes the service's collections need, created idempotently at start-up. It observes first
 * ({@code @Priority(0)}): {@code KeyRing} and {@code BootstrapAdmin} write at start-up too, and the unique username
 * index must exist before the first account is stored.
 */
@ApplicationScoped
public class AuthDatabaseSetup {

    private final AuthDatabase database;

    public AuthDatabaseSetup(AuthDatabase database) {
        this.database = database;
    }

    void onStart(@Observes @Priority(0) StartupEvent event) {
        // Load-bearing: exactly one account per case-insensitive username, even under concurrent creation.
        database.collection(AuthDatabase.USERS).createIndex(Indexes.ascending("username_lower"),
                new IndexOptions().unique(true).name("username_lower_unique"));
        database.collection(AuthDatabase.SERVICE_ACCOUNTS).createIndex(Indexes.ascending("name_lower"),
                new IndexOptions().unique(true).name("name_lower_unique"));
        // Revocation sweeps by login and by user (ignored by the stand-in, needed on real MongoDB).
        database.collection(AuthDatabase.REFRESH_TOKENS).createIndex(Indexes.ascending("family_id"));
        database.collection(AuthDatabase.REFRESH_TOKENS).createIndex(Indexes.ascending("user_id"));
    }
}
