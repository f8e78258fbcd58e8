package com.misty.inventory.rest;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.ServiceConformance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static com.misty.inventory.rest.StockApi.EMPLOYEE;
import static com.misty.inventory.rest.StockApi.MANAGER;
import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.ledger;
import static com.misty.inventory.rest.StockApi.level;
import static com.misty.inventory.rest.StockApi.post;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Bad input is a 4xx problem and changes no stock; roles are enforced. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class StockBadInputResourceTest {

    private String product;
    private String client;
    private String stockId;

    @BeforeEach
    void stock() {
        product = unique("board");
        client = unique("client");
        stockId = receive(product, client, 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":0}",
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":-5}",
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":1000000001}",
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":99999999999999999999999999}",
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":1e30}",
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":2.5}",
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":\"ten\"}",
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":[1]}",
            "{\"product_id\":\"P\",\"client_id\":\"C\"}",
            "{\"product_id\":\"P\",\"quantity\":5}",
            "{\"client_id\":\"C\",\"quantity\":5}",
            "{\"product_id\":\"\",\"client_id\":\"C\",\"quantity\":5}",
            "{\"product_id\":{\"$gt\":\"\"},\"client_id\":\"C\",\"quantity\":5}",
            "{\"product_id\":\"P\",\"client_id\":\"C\",\"quantity\":5,\"admin\":true}",
            "[]",
            "null",
            "{\"product_id\":\"P\",\"client_id\":"
    })
    void badAllocationsAndReceiptsAre400AndChangeNothing(String template) {
        String body = template.replace("\"P\"", "\"" + product + "\"").replace("\"C\"", "\"" + client + "\"");
        for (String path : new String[] {"/api/stock/allocations", "/api/stock/receipts"}) {
            given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(body).when().post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("code", anyOf(equalTo("VALIDATION_FAILED"),
                            equalTo("INVALID_FIELD"), equalTo("MALFORMED_JSON"), equalTo("UNKNOWN_FIELD"), equalTo("BAD_REQUEST")));
        }
        assertUnchanged();
    }

    @Test
    void allocatingUnknownStockIs404() {
        StockApi.allocate(PRODUCTION, unique("nothing"), client, 5)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        assertUnchanged();
    }

    @Test
    void unknownRecordsAndAllocationsAre404() {
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/no-such-stock")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/no-such-stock/movements")
                .then().statusCode(404).contentType("application/problem+json");
        post(PRODUCTION, "/api/stock/allocations/no-such-allocation/release", "")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void adjustmentsNeedAReasonAndANonZeroBoundedChange() {
        for (Object change : new Object[] {0, 1_000_000_001L, -1_000_000_001L, "x", 1.5}) {
            post(MANAGER, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                    "quantity_change", change, "reason", "count")).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        post(MANAGER, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                "quantity_change", 5)).then().statusCode(400).contentType("application/problem+json");
        post(MANAGER, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                "quantity_change", 5, "reason", "  ")).then().statusCode(400);
        post(MANAGER, "/api/stock/adjustments", Map.of("product_id", unique("none"), "client_id", client,
                "quantity_change", 5, "reason", "count")).then().statusCode(404);
        assertUnchanged();
    }

    @Test
    void badPagingIs400() {
        given().auth().oauth2(PRODUCTION).queryParam("size", 0).when().get("/api/stock")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(PRODUCTION).queryParam("size", 10_000).when().get("/api/stock")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(PRODUCTION).queryParam("page", -1).when().get("/api/stock")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsAProblem() {
        ServiceConformance.assertMalformedJsonIsProblem("POST", "/api/stock/allocations", PRODUCTION);
        assertUnchanged();
    }

    @Test
    void employeesMayNeitherReadNorChangeStock() {
        given().auth().oauth2(EMPLOYEE).when().get("/api/stock").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(EMPLOYEE).when().get("/api/stock/" + stockId).then().statusCode(403);
        given().auth().oauth2(EMPLOYEE).when().get("/api/stock/" + stockId + "/movements").then().statusCode(403);
        StockApi.allocate(EMPLOYEE, product, client, 5).then().statusCode(403);
        post(EMPLOYEE, "/api/stock/receipts", Map.of("product_id", product, "client_id", client, "quantity", 5))
                .then().statusCode(403);
        post(EMPLOYEE, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                "quantity_change", 5, "reason", "x")).then().statusCode(403);
        assertUnchanged();
    }

    @Test
    void productionStaffMayNotAdjust() {
        post(PRODUCTION, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                "quantity_change", 5, "reason", "x")).then().statusCode(403).contentType("application/problem+json");
        assertUnchanged();
    }

    @Test
    void noTokenIs401AndATamperedOneToo() {
        given().contentType(ContentType.JSON).body(Map.of("product_id", product, "client_id", client, "quantity", 5))
                .when().post("/api/stock/allocations").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(PRODUCTION + "x").when().get("/api/stock").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        assertUnchanged();
    }

    @Test
    void employeesMayNotReleaseAllocations() {
        String allocationId = StockApi.allocate(PRODUCTION, product, client, 10).then().statusCode(201)
                .extract().path("id");
        post(EMPLOYEE, "/api/stock/allocations/" + allocationId + "/release", "").then().statusCode(403);
        assertThat(level(stockId)).isEqualTo(90);
    }

    private void assertUnchanged() {
        assertThat(level(stockId)).isEqualTo(100);
        assertThat(ledger(stockId)).hasSize(1);
    }
}
