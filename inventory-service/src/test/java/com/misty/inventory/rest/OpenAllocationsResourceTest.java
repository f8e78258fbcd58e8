package com.misty.inventory.rest;

import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.misty.inventory.rest.StockApi.EMPLOYEE;
import static com.misty.inventory.rest.StockApi.MANAGER;
import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.allocate;
import static com.misty.inventory.rest.StockApi.post;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /api/stock/{id}/allocations}: a record's open allocations, what can still be released or issued. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class OpenAllocationsResourceTest {

    @Test
    void listsOnlyTheRecordsAllocationsStillOpenOldestFirstByPage() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 100);
        String first = allocationOf(product, client, 10);
        String released = allocationOf(product, client, 20);
        String issued = allocationOf(product, client, 30);
        String last = allocationOf(product, client, 5);
        String otherClient = unique("client");
        receive(product, otherClient, 50);
        allocationOf(product, otherClient, 1); // another record's: not listed
        post(PRODUCTION, "/api/stock/allocations/" + released + "/release", "").then().statusCode(200);
        post(PRODUCTION, "/api/stock/issues", Map.of("allocation_id", issued, "quantity", 12)).then().statusCode(200);

        JsonPath all = open(stockId, 0, 50);
        assertThat(all.getList("items.id", String.class)).containsExactly(first, last);
        assertThat(all.getList("items.status", String.class)).containsOnly("ALLOCATED");
        assertThat(all.getList("items.quantity", Integer.class)).containsExactly(10, 5);
        assertThat(all.getList("items.unit", String.class)).containsOnly("units");
        assertThat(all.getList("items.allocated_by", String.class)).containsOnly("prod-1");
        assertThat(all.getLong("total")).isEqualTo(2);

        JsonPath second = open(stockId, 1, 1);
        assertThat(second.getList("items.id", String.class)).containsExactly(last);
        assertThat(second.getLong("total")).isEqualTo(2);
        assertThat(second.getInt("page")).isEqualTo(1);
        assertThat(second.getInt("size")).isEqualTo(1);

        post(PRODUCTION, "/api/stock/allocations/" + first + "/release", "").then().statusCode(200);
        post(PRODUCTION, "/api/stock/allocations/" + last + "/release", "").then().statusCode(200);
        assertThat(open(stockId, 0, 50).getList("items")).isEmpty();
    }

    @Test
    void anUnknownRecordBadPagingAndEmployeesAreRefused() {
        String stockId = receive(unique("board"), unique("client"), 10);
        given().auth().oauth2(MANAGER).when().get("/api/stock/no-such-record/allocations").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        for (String bad : new String[] {"size=0", "size=201", "page=-1"}) {
            given().auth().oauth2(MANAGER).when().get("/api/stock/" + stockId + "/allocations?" + bad).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(EMPLOYEE).when().get("/api/stock/" + stockId + "/allocations").then().statusCode(403);
        given().when().get("/api/stock/" + stockId + "/allocations").then().statusCode(401);
    }

    private static String allocationOf(String product, String client, long quantity) {
        return allocate(PRODUCTION, product, client, quantity).then().statusCode(201).extract().path("id");
    }

    private static JsonPath open(String stockId, int page, int size) {
        return given().auth().oauth2(PRODUCTION).queryParam("page", page).queryParam("size", size)
                .when().get("/api/stock/" + stockId + "/allocations").then().statusCode(200).extract().jsonPath();
    }
}
