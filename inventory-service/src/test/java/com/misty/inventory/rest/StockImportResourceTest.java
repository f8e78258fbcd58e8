package com.misty.inventory.rest;

import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.misty.inventory.rest.StockApi.ADMIN;
import static com.misty.inventory.rest.StockApi.MANAGER;
import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The original's products and stock through the admin import: ids kept, quantities exact in the product's unit,
 * each record's quantity one opening receipt in its ledger, nothing rounded or oversold, idempotent.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class StockImportResourceTest {

    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Test
    void importsKeepIdsAndExactQuantitiesAsOpeningReceiptsAndAreIdempotent() {
        String tag = unique("imp");
        String client = "client-" + tag;
        Map<String, Object> kraft = stock(tag + "-s1", "KRAFT-" + tag, client, new BigDecimal("12.345"));
        kraft.put("unit", "kg");
        kraft.put("product_name", "Kraft liner 125 g");
        kraft.put("reorder_level", 5);
        kraft.put("warehouse_bin", "B-7");
        Map<String, Object> board = stock(tag + "-s2", "BOARD-" + tag, client, 1200);
        board.put("unit", "Sheets");
        Map<String, Object> plain = stock(tag + "-s3", "PLAIN-" + tag, client, "40");
        Map<String, Object> fractionalPlain = stock(tag + "-s4", "PLAIN2-" + tag, client, new BigDecimal("2.5"));
        Map<String, Object> oversold = stock(tag + "-s5", "BOARD-" + tag, "other-" + tag, -60);
        Map<String, Object> sameKey = stock(tag + "-s6", "KRAFT-" + tag, client, 3);
        List<Map<String, Object>> records = List.of(kraft, board, plain, fractionalPlain, oversold, sameKey);

        importing(records, true).statusCode(200).body("dry_run", equalTo(true)).body("imported", equalTo(3))
                .body("rejected", equalTo(3));
        given().auth().oauth2(PRODUCTION).get("/api/stock/" + tag + "-s1").then().statusCode(404);
        given().auth().oauth2(PRODUCTION).get("/api/stock/products/KRAFT-" + tag).then().statusCode(404);

        importing(records, false).statusCode(200).body("records", equalTo(6)).body("imported", equalTo(3))
                .body("rejected", equalTo(3)).body("unmapped_fields.stock.warehouse_bin", equalTo(1))
                .body("outcomes[3].reason", equalTo("quantity_on_hand 2.5 has more decimals than units allows (0); "
                        + "give product PLAIN2-" + tag + " its unit in the mapping file's stock units"))
                .body("outcomes[4].reason", equalTo("quantity_on_hand -60 is below zero (an oversell of the original); "
                        + "correct it there, or import it as 0 and adjust"))
                .body("outcomes[5].reason", equalTo("the suite already holds stock of product KRAFT-" + tag + " for client "
                        + client + " under another id; receive the original's quantity there"));

        JsonPath imported = view(tag + "-s1");
        assertThat(imported.getString("unit")).isEqualTo("kilogram");
        assertThat(amount(imported, "available")).isEqualByComparingTo("12.345");
        assertThat(amount(imported, "reorder_level")).isEqualByComparingTo("5");
        given().auth().oauth2(PRODUCTION).get("/api/stock/products/KRAFT-" + tag).then().statusCode(200)
                .body("name", equalTo("Kraft liner 125 g")).body("unit", equalTo("kilogram"));
        assertThat(amount(view(tag + "-s2"), "available")).isEqualByComparingTo("1200");
        assertThat(view(tag + "-s2").getString("unit")).isEqualTo("sheet");
        assertThat(amount(view(tag + "-s3"), "available")).isEqualByComparingTo("40");

        List<Map<String, Object>> ledger = StockApi.ledger(tag + "-s1");
        assertThat(ledger).as("the quantity arrives as one opening receipt").hasSize(1);
        assertThat(ledger.get(0)).containsEntry("type", "RECEIPT")
                .containsEntry("reference", "opening stock imported from the original system (record " + tag + "-s1)");

        // Imported stock is stock like any other: it allocates exactly, and never beyond what it holds.
        given().config(EXACT).auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("product_id", "KRAFT-" + tag, "client_id", client, "quantity", new BigDecimal("0.345")))
                .post("/api/stock/allocations").then().statusCode(201);
        StockApi.allocate(PRODUCTION, "PLAIN-" + tag, client, 41).then().statusCode(409);

        importing(records, false).statusCode(200).body("imported", equalTo(0)).body("already_present", equalTo(3))
                .body("rejected", equalTo(3));
        assertThat(amount(view(tag + "-s1"), "available")).as("a second run changes nothing").isEqualByComparingTo("12");
        assertThat(StockApi.ledger(tag + "-s1")).hasSize(2);

        // The operator gives the refused product a unit: its record comes in exactly.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("products", List.of(Map.of("code", "PLAIN2-" + tag, "name", "Tape", "unit", "rolls-m")),
                        "stock", List.of(fractionalPlain), "unit_map", Map.of("rolls-m", "metre")))
                .post("/api/stock/import").then().statusCode(200).body("imported", equalTo(2));
        assertThat(amount(view(tag + "-s4"), "available")).isEqualByComparingTo("2.5");
    }

    @Test
    void onlyAnAdminImportsAndBadRequestsChangeNothing() {
        String tag = unique("imb");
        Map<String, Object> record = stock(tag + "-s1", "P-" + tag, "c-" + tag, 5);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(Map.of("stock", List.of(record)))
                .post("/api/stock/import").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("stock", List.of(record), "unit_map", Map.of("rolls", "furlong")))
                .post("/api/stock/import").then().statusCode(400).body("code", equalTo("INVALID_UNIT_MAP"));
        Map<String, Object> injected = new HashMap<>(record);
        injected.put("client_id", Map.of("$ne", ""));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("stock", List.of(injected)))
                .post("/api/stock/import").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(PRODUCTION).get("/api/stock/" + tag + "-s1").then().statusCode(404);
    }

    private static Map<String, Object> stock(String id, String product, String client, Object quantity) {
        return new HashMap<>(Map.of("id", id, "_id", "65f0" + Math.abs(id.hashCode()), "product_id", product,
                "client_id", client, "quantity_on_hand", quantity, "created_at", "2024-05-01T09:30:00"));
    }

    private static ValidatableResponse importing(List<Map<String, Object>> records, boolean dryRun) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("stock", records, "dry_run", dryRun)).post("/api/stock/import").then();
    }

    private static BigDecimal amount(JsonPath stock, String field) {
        return new BigDecimal(stock.getString(field));
    }

    private static JsonPath view(String id) {
        return given().config(EXACT).auth().oauth2(PRODUCTION).get("/api/stock/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
