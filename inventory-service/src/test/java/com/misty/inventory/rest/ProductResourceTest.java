package com.misty.inventory.rest;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.misty.inventory.rest.StockApi.ADMIN;
import static com.misty.inventory.rest.StockApi.EMPLOYEE;
import static com.misty.inventory.rest.StockApi.MANAGER;
import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.post;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The product catalogue: maintained by admins and managers, with optimistic locking. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class ProductResourceTest {

    @Test
    void aManagerCreatesReadsRenamesAndDeletesAProductAndAStaleVersionIs409() {
        String code = unique("film");
        post(MANAGER, "/api/stock/products", Map.of("code", code, "name", "PET film 12µ", "unit", "kilogram"))
                .then().statusCode(201).body("code", equalTo(code)).body("unit", equalTo("kilogram"))
                .body("decimals", equalTo(3)).body("version", equalTo(1));
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/products/" + code).then().statusCode(200)
                .body("name", equalTo("PET film 12µ"));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "PET film 12 micron", "unit", "kilogram", "version", 1))
                .when().put("/api/stock/products/" + code).then().statusCode(200).body("version", equalTo(2));
        // A second editor still holding version 1 loses, and learns the current version.
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "stale edit", "unit", "metre", "version", 1))
                .when().put("/api/stock/products/" + code).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("VERSION_CONFLICT"))
                .body("current_version", equalTo(2));
        given().auth().oauth2(MANAGER).when().get("/api/stock/products/" + code).then()
                .body("name", equalTo("PET film 12 micron")).body("unit", equalTo("kilogram"));

        given().auth().oauth2(MANAGER).queryParam("version", 1).when().delete("/api/stock/products/" + code)
                .then().statusCode(409).body("code", equalTo("VERSION_CONFLICT"));
        given().auth().oauth2(MANAGER).queryParam("version", 2).when().delete("/api/stock/products/" + code)
                .then().statusCode(204);
        given().auth().oauth2(MANAGER).when().get("/api/stock/products/" + code).then().statusCode(404);
    }

    @Test
    void concurrentEditsOfOneVersionLeaveExactlyOneWinner() {
        String code = unique("board");
        post(ADMIN, "/api/stock/products", Map.of("code", code, "name", "Board", "unit", "sheet")).then().statusCode(201);

        List<Integer> statuses = Concurrently.run(8, i -> () -> given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Board " + i, "unit", "sheet", "version", 1))
                .when().put("/api/stock/products/" + code).statusCode());

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        given().auth().oauth2(MANAGER).when().get("/api/stock/products/" + code).then().body("version", equalTo(2));
    }

    @Test
    void aProductWithStockKeepsItsUnitAndCannotBeDeleted() {
        String code = unique("roll");
        post(MANAGER, "/api/stock/products", Map.of("code", code, "name", "Paper roll", "unit", "metre")).then().statusCode(201);
        receive(code, unique("client"), 5);

        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Paper roll", "unit", "kilogram", "version", 1))
                .when().put("/api/stock/products/" + code).then().statusCode(409).body("code", equalTo("UNIT_IN_USE"));
        given().auth().oauth2(MANAGER).queryParam("version", 1).when().delete("/api/stock/products/" + code)
                .then().statusCode(409).body("code", equalTo("PRODUCT_IN_USE"));
        // Renaming is fine.
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Kraft paper roll", "unit", "metre", "version", 1))
                .when().put("/api/stock/products/" + code).then().statusCode(200);
        // Existing whole-unit stock cannot be turned into a unit with decimals by creating its product later.
        String legacy = unique("legacy");
        receive(legacy, unique("client"), 3);
        post(MANAGER, "/api/stock/products", Map.of("code", legacy, "name", "Legacy", "unit", "kilogram"))
                .then().statusCode(409).body("code", equalTo("UNIT_IN_USE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"code\":\"C\",\"name\":\"N\",\"unit\":\"litre\"}",
            "{\"code\":\"C\",\"name\":\"N\",\"unit\":\"\"}",
            "{\"code\":\"C\",\"name\":\"N\"}",
            "{\"code\":\"C\",\"name\":\"\",\"unit\":\"each\"}",
            "{\"code\":\"\",\"name\":\"N\",\"unit\":\"each\"}",
            "{\"code\":\"has space\",\"name\":\"N\",\"unit\":\"each\"}",
            "{\"code\":{\"$gt\":\"\"},\"name\":\"N\",\"unit\":\"each\"}",
            "{\"code\":\"C\",\"name\":\"N\",\"unit\":\"each\",\"version\":3}",
            "[]"
    })
    void badProductsAre400AndCreateNothing(String template) {
        String code = unique("bad");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(template.replace("\"C\"", "\"" + code + "\""))
                .when().post("/api/stock/products").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MANAGER).when().get("/api/stock/products/" + code).then().statusCode(404);
    }

    @Test
    void onlyAdminsAndManagersMaintainTheCatalogueAndDuplicatesAre409() {
        String code = unique("ink");
        post(PRODUCTION, "/api/stock/products", Map.of("code", code, "name", "Ink", "unit", "kilogram")).then().statusCode(403);
        post(EMPLOYEE, "/api/stock/products", Map.of("code", code, "name", "Ink", "unit", "kilogram")).then().statusCode(403);
        given().auth().oauth2(EMPLOYEE).when().get("/api/stock/products").then().statusCode(403);
        post(ADMIN, "/api/stock/products", Map.of("code", code, "name", "Ink", "unit", "kilogram")).then().statusCode(201);
        post(MANAGER, "/api/stock/products", Map.of("code", code, "name", "Ink", "unit", "each")).then().statusCode(409)
                .body("code", equalTo("PRODUCT_EXISTS"));
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/products").then().statusCode(200);
    }
}
