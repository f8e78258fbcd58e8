package com.misty.systemtest.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint of an area could have changed, read through the gateway by an auditing admin: compared
 * before and after refused requests to prove that they changed nothing.
 */
public final class SuiteState {

    private SuiteState() {
    }

    public static Map<String, JsonNode> read(World world, Endpoint.Area area) {
        if (area == Endpoint.Area.ORDERS) {
            settleOrders(world);
        }
        Session auditor = world.auditor();
        Map<String, JsonNode> state = new LinkedHashMap<>();
        switch (area) {
            case AUTH -> {
                state.put("users", auditor.get("/api/auth/users?offset=0&limit=500").expect(200).json());
                state.put("service accounts", auditor.get("/api/auth/service-accounts").expect(200).json());
            }
            case STOCK -> readStock(world, state);
            case ORDERS -> {
                state.put("orders", auditor.get("/api/orders?client_id=" + world.clientId() + "&size=100").expect(200).json());
                state.put("order count", auditor.get("/api/orders?size=1").expect(200).field("total"));
                readStock(world, state);
            }
            case PAYROLL -> {
                String employee = world.employeeProfileId();
                state.put("profiles", auditor.get("/api/payroll/employees?limit=500").expect(200).json());
                state.put("employee", auditor.get("/api/payroll/employees/" + employee).expect(200).json());
                state.put("leave", auditor.get("/api/payroll/leave-requests?employee_id=" + employee + "&limit=500").expect(200).json());
                state.put("timesheets", auditor.get("/api/payroll/timesheets?employee_id=" + employee + "&limit=500").expect(200).json());
                state.put("calculations", auditor.get("/api/payroll/calculations?employee_id=" + employee + "&limit=500").expect(200).json());
            }
            default -> throw new IllegalArgumentException(area.name());
        }
        return state;
    }

    /**
     * Waits until the fixture client's orders are settled: none awaiting stock or a revision, and the stock level
     * the same twice in a row (a cancellation's release follows its status change).
     */
    private static void settleOrders(World world) {
        Session auditor = world.auditor();
        World.poll("the fixture's orders settle", () -> {
            JsonNode orders = auditor.get("/api/orders?client_id=" + world.clientId() + "&size=100").expect(200).json();
            for (JsonNode order : orders.get("items")) {
                if ("PENDING_STOCK".equals(order.path("status").asText()) || !order.path("pending_revision").isNull()) {
                    return null;
                }
            }
            JsonNode level = auditor.get("/api/stock/" + world.stockId()).expect(200).json();
            sleep();
            return level.equals(auditor.get("/api/stock/" + world.stockId()).expect(200).json()) ? level : null;
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void readStock(World world, Map<String, JsonNode> state) {
        Session auditor = world.auditor();
        state.put("stock", auditor.get("/api/stock?client_id=" + world.clientId() + "&size=200").expect(200).json());
        state.put("stock count", auditor.get("/api/stock?size=1").expect(200).field("total"));
        state.put("allocation", auditor.get("/api/stock/allocations/" + world.allocationId()).expect(200).json());
    }
}
