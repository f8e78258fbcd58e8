package com.misty.systemtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Response;
import com.misty.systemtest.Session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders through the gateway: placing them and waiting for the stock saga's answer. */
final class PlanOrders {

    static final Set<String> FINAL_SAGA_STATES = Set.of("CONFIRMED", "REJECTED");

    private PlanOrders() {
    }

    record Line(String productId, long quantity) {
        Map<String, Object> json() {
            return Map.of("product_id", productId, "quantity", quantity);
        }
    }

    static Response place(Session user, String clientId, List<Line> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("contact_name", "Plan " + user.username());
        body.put("lines", lines.stream().map(Line::json).toList());
        return user.post("/api/orders", body);
    }

    static JsonNode read(Session user, String orderId) {
        return user.get("/api/orders/" + orderId).expect(200).json();
    }

    /** Waits until inventory has answered the placement and any pending revision. */
    static JsonNode settled(Session user, String orderId) {
        return Eventually.until("order " + orderId + " settled by the stock saga", () -> read(user, orderId),
                order -> FINAL_SAGA_STATES.contains(order.get("status").asText())
                        && order.path("pending_revision").isNull());
    }

    /** Places an order the given stock can cover and waits for it to be confirmed. */
    static JsonNode confirmed(Session user, String clientId, List<Line> lines) {
        String id = place(user, clientId, lines).expect(201).field("id").asText();
        JsonNode order = settled(user, id);
        if (!order.get("status").asText().equals("CONFIRMED")) {
            throw new AssertionError("expected a confirmed order: " + order);
        }
        return order;
    }
}
