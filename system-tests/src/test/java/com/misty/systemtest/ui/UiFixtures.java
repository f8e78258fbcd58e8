package com.misty.systemtest.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Data the browser tests start from, made through the API as another user would. */
final class UiFixtures {

    private UiFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Adds a product to the registry (inventory-service) with a unique code starting with {@code prefix}; returns the code. */
    static String registeredProduct(Session manager, String prefix, String name, String unit) {
        String code = unique(prefix);
        manager.post("/api/stock/products", Map.of("code", code, "name", name, "unit", unit)).expect(201);
        return code;
    }

    /** Receives {@code quantity} of {@code product} for {@code client} (a new record, or more on its own); returns the record's id. */
    static String received(Session user, String product, String client, long quantity) {
        return user.post("/api/stock/receipts", Map.of("product_id", product, "client_id", client, "quantity", quantity))
                .expect(200).field("id").asText();
    }

    /** Receives {@code quantity} of a new product for a new client and places a one-line order of {@code ordered}. */
    static JsonNode confirmedOrder(Session user, long quantity, long ordered) {
        String product = unique("board");
        String client = Clients.create(user, "Browser test client");
        user.post("/api/stock/receipts", Map.of("product_id", product, "client_id", client, "quantity", quantity,
                "reference", "browser test")).expect(200);
        String id = user.post("/api/orders", Map.of("client_id", client, "contact_name", "Ada Original",
                        "lines", List.of(Map.of("product_id", product, "quantity", ordered))))
                .expect(201).field("id").asText();
        return awaitOrder(user, id, order -> "CONFIRMED".equals(order.path("status").asText()));
    }

    /** Completes the payroll profile that payroll-service made for {@code employee} from UserCreated. */
    static String completeProfile(Session admin, Session employee, java.math.BigDecimal annualHours) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        com.misty.systemtest.Response me = employee.get("/api/payroll/employees/me");
        while (me.status() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no payroll profile for " + employee.username() + " within 60 s: " + me);
            }
            sleep(250);
            me = employee.get("/api/payroll/employees/me");
        }
        JsonNode stub = me.json();
        String id = stub.path("id").asText();
        admin.put("/api/payroll/employees/" + id, Map.of("name", "UI " + employee.username(),
                "hourly_rate", new java.math.BigDecimal("30.00"), "standard_weekly_hours", new java.math.BigDecimal("40"),
                "leave_balances", Map.of("annual", annualHours, "sick", java.math.BigDecimal.ZERO,
                        "personal", java.math.BigDecimal.ZERO),
                "active", true, "version", stub.path("version").asLong())).expect(200);
        return id;
    }

    static JsonNode awaitOrder(Session user, String id, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode order = user.get("/api/orders/" + id).expect(200).json();
        while (!condition.test(order)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("order " + id + " did not reach the expected state within 60 s: " + order);
            }
            sleep(250);
            order = user.get("/api/orders/" + id).expect(200).json();
        }
        return order;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
