package com.misty.inventory.rest;

import com.misty.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls of the stock API used by several tests, with tokens of the usual roles. */
public final class StockApi {

    public static final String PRODUCTION = TestTokens.accessToken("prod-1", "production");
    public static final String MANAGER = TestTokens.accessToken("mgr-1", "manager");
    public static final String ADMIN = TestTokens.accessToken("admin-1", "admin");
    public static final String EMPLOYEE = TestTokens.accessToken("emp-1", "employee");

    private StockApi() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Response post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path);
    }

    /** Receives {@code quantity} units and returns the stock id. */
    public static String receive(String productId, String clientId, long quantity) {
        return post(PRODUCTION, "/api/stock/receipts",
                Map.of("product_id", productId, "client_id", clientId, "quantity", quantity, "reference", "test"))
                .then().statusCode(200).extract().path("id");
    }

    public static Response allocate(String token, String productId, String clientId, long quantity) {
        return post(token, "/api/stock/allocations", Map.of("product_id", productId, "client_id", clientId, "quantity", quantity));
    }

    public static long level(String stockId) {
        return given().auth().oauth2(PRODUCTION).when().get("/api/stock/" + stockId)
                .then().statusCode(200).extract().jsonPath().getLong("quantity_on_hand");
    }

    /** The whole ledger of a record, following the cursor. */
    public static List<Map<String, Object>> ledger(String stockId) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            var page = given().auth().oauth2(PRODUCTION).queryParam("after_seq", after).queryParam("limit", 1000)
                    .when().get("/api/stock/" + stockId + "/movements").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            all.addAll(items);
            Object next = page.get("next_after_seq");
            if (next == null) {
                return all;
            }
            after = ((Number) next).longValue();
        }
    }
}
