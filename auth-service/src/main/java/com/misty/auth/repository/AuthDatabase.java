package com.misty.auth.repository;

import com.misty.platform.storage.ServiceDatabase;
import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;

/**
 * The service's database ({@code quarkus.mongodb.database}, {@code auth}) and the names of its collections, for
 * set-up only ({@link AuthDatabaseSetup}); the repositories reach their collection through Panache.
 */
@ApplicationScoped
public class AuthDatabase extends ServiceDatabase {

    public static final String USERS = "users";
    public static final String REFRESH_TOKENS = "refresh_tokens";
    public static final String SIGNING_KEYS = "signing_keys";
    public static final String LOGIN_ATTEMPTS = "login_attempts";
    public static final String SERVICE_ACCOUNTS = "service_accounts";

    public AuthDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        super(client, name);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
