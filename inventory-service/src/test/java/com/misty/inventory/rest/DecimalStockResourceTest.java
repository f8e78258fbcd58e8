package com.misty.inventory.rest;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.misty.inventory.rest.StockApi.MANAGER;
import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.post;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Stock of a product counted in kilograms: exact decimal quantities, whatever the concurrency. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class DecimalStockResourceTest {

    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Test
    void kilogramsAreExactThroughReceiptsConcurrentAllocationsIssuesAndTheLedger() {
        String product = kilogramProduct(), client = unique("client");
        String stockId = post(PRODUCTION, "/api/stock/receipts", Map.of("product_id", product, "client_id", client,
                "quantity", new BigDecimal("12.345"))).then().statusCode(200).extract().path("id");
        post(PRODUCTION, "/api/stock/receipts", Map.of("product_id", product, "client_id", client,
                "quantity", new BigDecimal("0.655"))).then().statusCode(200);

        // 40 allocations of 0.1 kg at once: 13.000 - 4.000 = 9.000 exactly (no binary fractions anywhere).
        List<Response> granted = Concurrently.run(40, i -> () -> post(PRODUCTION, "/api/stock/allocations",
                Map.of("product_id", product, "client_id", client, "quantity", new BigDecimal("0.1"))));
        assertThat(granted).extracting(Response::statusCode).containsOnly(201);
        JsonPath stock = stock(stockId);
        assertThat(stock.getString("unit")).isEqualTo("kilogram");
        assertThat(stock.<BigDecimal>get("physical")).isEqualByComparingTo("13");
        assertThat(stock.<BigDecimal>get("allocated")).isEqualByComparingTo("4");
        assertThat(stock.<BigDecimal>get("available")).isEqualByComparingTo("9");

        String allocationId = granted.get(0).jsonPath().getString("id");
        JsonPath issued = given().config(EXACT).auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("allocation_id", allocationId, "quantity", new BigDecimal("0.037")))
                .when().post("/api/stock/issues").then().statusCode(200).extract().jsonPath();
        assertThat(issued.getString("unit")).isEqualTo("kilogram");
        assertThat(issued.<BigDecimal>get("consumed")).isEqualByComparingTo("0.037");
        assertThat(issued.<BigDecimal>get("released")).isEqualByComparingTo("0.063");
        stock = stock(stockId);
        assertThat(stock.<BigDecimal>get("physical")).isEqualByComparingTo("12.963");
        assertThat(stock.<BigDecimal>get("available")).isEqualByComparingTo("9.063");

        JsonPath ledger = given().config(EXACT).auth().oauth2(PRODUCTION).queryParam("limit", 1000)
                .when().get("/api/stock/" + stockId + "/movements").then().statusCode(200).extract().jsonPath();
        assertThat(ledger.getString("unit")).isEqualTo("kilogram");
        List<BigDecimal> changes = ledger.getList("items.quantity_change", BigDecimal.class);
        assertThat(changes.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("9.063");
        assertThat(ledger.getList("items", Map.class)).hasSize(2 + 40 + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0001", "0.0005", "-1", "0", "1000000000.001", "1e12", "\"ten\""})
    void tooManyDecimalsNegativeZeroOrHugeAre400AndChangeNothing(String quantity) {
        String product = kilogramProduct(), client = unique("client");
        String stockId = post(PRODUCTION, "/api/stock/receipts", Map.of("product_id", product, "client_id", client,
                "quantity", new BigDecimal("5.5"))).then().statusCode(200).extract().path("id");
        for (String path : new String[] {"/api/stock/receipts", "/api/stock/allocations"}) {
            given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON)
                    .body("{\"product_id\":\"" + product + "\",\"client_id\":\"" + client + "\",\"quantity\":" + quantity + "}")
                    .when().post(path).then().statusCode(400).contentType("application/problem+json");
        }
        if (!quantity.equals("-1")) { // a negative adjustment is a valid correction
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                    .body("{\"product_id\":\"" + product + "\",\"client_id\":\"" + client + "\",\"quantity_change\":"
                            + quantity + ",\"reason\":\"count\"}")
                    .when().post("/api/stock/adjustments").then().statusCode(400).contentType("application/problem+json");
        }
        JsonPath stock = stock(stockId);
        assertThat(stock.<BigDecimal>get("physical")).isEqualByComparingTo("5.5");
        assertThat(stock.getLong("version")).isEqualTo(1);
    }

    @Test
    void wholeUnitProductsStillRefuseDecimals() {
        String product = unique("board"), client = unique("client");
        post(MANAGER, "/api/stock/products", Map.of("code", product, "name", "Board", "unit", "sheet")).then().statusCode(201);
        post(PRODUCTION, "/api/stock/receipts", Map.of("product_id", product, "client_id", client, "quantity", 10))
                .then().statusCode(200).body("unit", org.hamcrest.Matchers.equalTo("sheet"));
        post(PRODUCTION, "/api/stock/allocations", Map.of("product_id", product, "client_id", client,
                "quantity", new BigDecimal("2.5"))).then().statusCode(400).contentType("application/problem+json");
    }

    private static String kilogramProduct() {
        String code = unique("ink");
        post(MANAGER, "/api/stock/products", Map.of("code", code, "name", "Ink", "unit", "kilogram")).then().statusCode(201);
        return code;
    }

    private static JsonPath stock(String stockId) {
        return given().config(EXACT).auth().oauth2(PRODUCTION).when().get("/api/stock/" + stockId).then().statusCode(200)
                .extract().jsonPath();
    }
}
