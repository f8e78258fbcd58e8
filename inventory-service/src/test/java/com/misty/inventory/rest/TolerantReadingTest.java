package com.misty.inventory.rest;

import com.misty.testkit.OwnDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;

/**
 * Documents this code did not write — the original system's {@code raw_substrate_stock} (ObjectId {@code _id},
 * quantities in units with decimals, no {@code decimals}, no ledger fields, dates as text) and odd products —
 * seeded straight into the database: every read endpoint answers, none with a 5xx, quantities exact.
 */
@QuarkusTest
@WithTestResource(value = OwnDatabase.class, initArgs = @ResourceArg(name = "database", value = "inventory_tolerant"))
class TolerantReadingTest {

    private static final ObjectId LEGACY_STOCK = new ObjectId();

    @Inject
    MongoClient mongo;

    @BeforeEach
    void seedForeignDocuments() {
        MongoDatabase db = mongo.getDatabase("inventory_tolerant");
        if (db.getCollection("raw_substrate_stock").countDocuments() > 0) {
            return;
        }
        db.getCollection("raw_substrate_stock").insertMany(List.of(
                new Document("_id", LEGACY_STOCK).append("id", "s-legacy").append("product_id", "p-board")
                        .append("client_id", "c-legacy").append("quantity_on_hand", 120.125)
                        .append("created_at", "2025-09-01T08:00:00"),
                new Document("_id", "s-decimal").append("product_id", "p-film").append("client_id", "c-legacy")
                        .append("quantity_on_hand", new Decimal128(new BigDecimal("7.50"))).append("reorder_level", 10)
                        .append("unit", "kg"),
                new Document("_id", "s-odd").append("product_id", 99).append("client_id", "c-odd")
                        .append("quantity_on_hand", "lots").append("low", "maybe")));
        db.getCollection("products").insertMany(List.of(
                new Document("_id", "p-board").append("name", "Board").append("unit", "furlong"),
                new Document("_id", new ObjectId()).append("name", 12)));
    }

    @Test
    void everyListAndDetailEndpointAnswersForeignDocuments() {
        List<String> ids = given().auth().oauth2(StockApi.MANAGER).queryParam("size", 100).get("/api/stock").then()
                .statusCode(200).body("items.id", hasItems(LEGACY_STOCK.toHexString(), "s-decimal", "s-odd"))
                .extract().path("items.id");
        for (String id : ids) {
            given().auth().oauth2(StockApi.MANAGER).get("/api/stock/" + id).then().statusCode(200);
            given().auth().oauth2(StockApi.MANAGER).get("/api/stock/" + id + "/movements").then().statusCode(lessThan(500));
        }
        given().auth().oauth2(StockApi.MANAGER).queryParam("below_reorder", true).get("/api/stock").then().statusCode(200);
        List<String> codes = given().auth().oauth2(StockApi.MANAGER).get("/api/stock/products").then().statusCode(200)
                .extract().path("items.code");
        codes.forEach(code -> given().auth().oauth2(StockApi.MANAGER).get("/api/stock/products/" + code).then()
                .statusCode(200));
    }

    @Test
    void originalQuantitiesReadExactly() {
        given().auth().oauth2(StockApi.MANAGER).get("/api/stock/" + LEGACY_STOCK.toHexString()).then().statusCode(200)
                .body("quantity_on_hand", equalTo(120.125f)).body("allocated", equalTo(0.0f))
                .body("created_at", equalTo("2025-09-01T08:00:00Z"));
        given().auth().oauth2(StockApi.MANAGER).get("/api/stock/s-decimal").then().statusCode(200)
                .body("quantity_on_hand", equalTo(7.5f)).body("below_reorder", equalTo(true)).body("unit", equalTo("kg"));
    }
}
