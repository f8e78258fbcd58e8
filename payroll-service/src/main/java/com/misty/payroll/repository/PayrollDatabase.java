package com.misty.payroll.repository;

import com.misty.platform.storage.ServiceDatabase;
import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database; each repository names its collection. */
@ApplicationScoped
public class PayrollDatabase extends ServiceDatabase {

    public PayrollDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        super(client, name);
    }
}
