package com.misty.orders.repository;

import com.misty.orders.config.OrdersConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.UUID;

/** Brings the database to what this build expects before requests arrive: migrations, indexes, counter. */
@ApplicationScoped
public class OrdersDatabaseSetup {

    private final OrdersDatabase database;
    private final String applicationName;
    private final OrdersConfig config;
    private final OrderRepository orders;
    private final OrderNumberGenerator numbers;
    private final ClientRepository clients;
    private final OrderHistoryRepository history;

    public OrdersDatabaseSetup(OrdersDatabase database,
                               @ConfigProperty(name = "quarkus.application.name") String applicationName,
                               OrdersConfig config, OrderRepository orders, OrderNumberGenerator numbers,
                               ClientRepository clients, OrderHistoryRepository history) {
        this.database = database;
        this.applicationName = applicationName;
        this.config = config;
        this.orders = orders;
        this.numbers = numbers;
        this.clients = clients;
        this.history = history;
    }

    void onStart(@Observes StartupEvent event) {
        new OrderVersionMigration(database.database(), applicationName + "-" + UUID.randomUUID(),
                config.migration().lease(), config.migration().pollInterval(), Clock.systemUTC()).run();
        orders.ensureIndexes();
        clients.ensureIndexes();
        history.ensureIndexes();
        numbers.ensureCounter();
    }
}
