package com.misty.auth.repository;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The indexes the service's collections need, created idempotently. Run by {@link AuthDatabase} before the first
 * collection is handed out rather than on a start-up event: {@code KeyRing} and {@code BootstrapAdmin} write at
 * start-up, and the unique username index must exist before the first account is stored.
 */
final class AuthDatabaseSetup {

    private AuthDatabaseSetup() {
    }

    static void createIndexes(MongoDatabase db) {
        // Load-bearing: exactly one account per case-insensitive username, even under concurrent creation.
        db.getCollection(AuthDatabase.USERS).createIndex(Indexes.ascending("username_lower"),
                new IndexOptions().unique(true).name("username_lower_unique"));
        db.getCollection(AuthDatabase.SERVICE_ACCOUNTS).createIndex(Indexes.ascending("name_lower"),
                new IndexOptions().unique(true).name("name_lower_unique"));
        // Revocation sweeps by login and by user (ignored by the stand-in, needed on real MongoDB).
        db.getCollection(AuthDatabase.REFRESH_TOKENS).createIndex(Indexes.ascending("family_id"));
        db.getCollection(AuthDatabase.REFRESH_TOKENS).createIndex(Indexes.ascending("user_id"));
    }
}
