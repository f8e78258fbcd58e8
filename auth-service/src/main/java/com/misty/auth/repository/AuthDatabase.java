package com.misty.auth.repository;

import com.misty.platform.storage.ServiceDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;
import java.time.Instant;

/** The service's collections in database {@code auth}; their indexes ({@link AuthDatabaseSetup}) exist before use. */
@ApplicationScoped
public class AuthDatabase extends ServiceDatabase {

    public static final String USERS = "users";
    public static final String REFRESH_TOKENS = "refresh_tokens";
    public static final String SIGNING_KEYS = "signing_keys";
    public static final String LOGIN_ATTEMPTS = "login_attempts";
    public static final String SERVICE_ACCOUNTS = "service_accounts";

    private volatile boolean indexed;

    public AuthDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        super(client, name);
    }

    @Override
    public MongoCollection<Document> collection(String name) {
        ensureIndexes();
        return super.collection(name);
    }

    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        synchronized (this) {
            if (indexed) {
                return;
            }
            AuthDatabaseSetup.createIndexes(database());
            indexed = true;
        }
    }


    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
