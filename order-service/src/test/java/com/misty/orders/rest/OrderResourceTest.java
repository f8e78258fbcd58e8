package com.misty.orders.rest;

import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.orders.InventoryAnswers;
import com.misty.orders.OrderApi;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.misty.orders.OrderApi.ORDERS;
import static com.misty.orders.OrderApi.line;
import static com.misty.orders.OrderApi.newOrder;
import static com.misty.orders.OrderApi.with;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** The order endpoints through HTTP: placing, reading, optimistic locking, cancelling, roles and bad input. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class OrderResourceTest {

    private static final String CONFLICT_DETAIL = "Order was modified by another user. Please refresh and try again.";
    private static final String PROBLEM = "application/problem+json";

    private final OrderApi api = OrderApi.manager();

    @Test
    void placingAnOrderAssignsNumberStatusAndVersion() {
        String client = client();
        String id = api.create(newOrder(client, List.of(line("P-1", 5), line("P-2", 7))))
                .statusCode(201)
                .header("Location", containsString(ORDERS + "/"))
                .header("ETag", "\"1\"")
                .body("order_number", matchesPattern("ORD-\\d{6,}"))
                .body("client_id", equalTo(client))
                .body("status", equalTo("PENDING_STOCK"))
                .body("version", equalTo(1))
                .body("lines[1].line", equalTo(2))
                .body("lines[1].product_id", equalTo("P-2"))
                .body("created_by", equalTo("manager-1"))
                .body("due_date", equalTo("2026-12-24"))
                .extract().path("id");

        api.get(id).statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id)).body("outbox", nullValue());
    }

    @Test
    void listsFilterByClientAndStatusAndPaginate() {
        String client = client();
        String first = api.place(client, line("P-1", 1));
        api.place(client, line("P-1", 2));
        String third = api.place(client, line("P-1", 3));
        api.cancel(first, "duplicate").statusCode(200);

        api.list(Map.of("client_id", client)).statusCode(200).body("total", equalTo(3)).body("items", hasSize(3))
                .body("items[0].id", equalTo(third));
        api.list(Map.of("client_id", client, "status", "CANCELLED")).statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(first));
        api.list(Map.of("client_id", client, "size", 2, "page", 1)).statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(2));
        api.list(Map.of("status", "SHIPPED")).statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_FIELD"));
        api.list(Map.of("size", 1000)).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void editsNeedTheVersionTheyAreBasedOn() {
        String id = api.place(client(), line("P-1", 5));

        api.patch(id, Map.of("contact_name", "No Version")).statusCode(428).contentType(PROBLEM)
                .body("code", equalTo("VERSION_REQUIRED")).body("status", equalTo(428));
        api.get(id).body("version", equalTo(1)).body("contact_name", equalTo("Jo Buyer"));

        api.patchIfMatch(id, "\"1\"", Map.of("contact_name", "Via If-Match")).statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2)).body("contact_name", equalTo("Via If-Match"));
        api.patch(id, Map.of("version", 2, "contact_phone", "0400 000 000")).statusCode(200)
                .body("version", equalTo(3)).body("contact_name", equalTo("Via If-Match"));

        api.patchIfMatch(id, "\"2\"", Map.of("notes", "stale")).statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("VERSION_CONFLICT")).body("detail", equalTo(CONFLICT_DETAIL))
                .body("current_version", equalTo(3)).body("current_order.contact_phone", equalTo("0400 000 000"));
        api.patchIfMatch(id, "\"3\"", Map.of("version", 2, "notes", "x")).statusCode(400)
                .body("code", equalTo("VERSION_MISMATCH"));
        api.patchIfMatch(id, "*", Map.of("notes", "x")).statusCode(400).body("code", equalTo("INVALID_IF_MATCH"));
        api.get(id).body("version", equalTo(3)).body("notes", nullValue());
    }

    @Test
    void putReplacesEveryEditableField() {
        String id = api.place(client(), line("P-1", 5));
        api.patch(id, Map.of("version", 1, "notes", "fragile")).statusCode(200);

        Map<String, Object> replacement = new HashMap<>();
        replacement.put("version", 2);
        replacement.put("contact_name", "New Contact");
        replacement.put("lines", List.of(with(line("P-1", 5), "notes", "top shelf")));
        api.put(id, replacement).statusCode(200).header("ETag", "\"3\"")
                .body("contact_name", equalTo("New Contact")).body("contact_email", nullValue())
                .body("notes", nullValue()).body("lines[0].notes", equalTo("top shelf"))
                .body("pending_revision", nullValue());

        api.put(id, Map.of("contact_name", "No Version", "lines", List.of(line("P-1", 5)))).statusCode(428);
    }

    /** The original system's Test 5: two users edit the same order; the second save is refused, nothing is lost. */
    @Test
    void originalTest5SecondOfTwoConcurrentEditorsGetsAConflictAndNoUpdateIsLost() {
        String id = api.place(OrderApi.newClient(), line("P-1", 1000));
        confirm(id);
        OrderApi userA = OrderApi.as("user-a", "production");
        OrderApi userB = OrderApi.as("user-b", "manager");
        long seenByA = userA.version(id);
        long seenByB = userB.version(id);

        userA.patch(id, Map.of("version", seenByA, "lines", List.of(line("P-1", 5000)))).statusCode(200)
                .body("pending_revision.lines[0].quantity", equalTo(5000));
        userB.patch(id, Map.of("version", seenByB, "contact_name", "B. Contact", "contact_phone", "0411 111 111"))
                .statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("VERSION_CONFLICT"))
                .body("detail", equalTo(CONFLICT_DETAIL))
                .body("current_version", equalTo((int) seenByA + 1))
                .body("current_order.pending_revision.lines[0].quantity", equalTo(5000));

        long refreshed = userB.version(id);
        userB.patch(id, Map.of("version", refreshed, "contact_name", "B. Contact", "contact_phone", "0411 111 111"))
                .statusCode(200);

        api.get(id).statusCode(200)
                .body("contact_name", equalTo("B. Contact"))
                .body("contact_phone", equalTo("0411 111 111"))
                .body("pending_revision.lines[0].quantity", equalTo(5000))
                .body("updated_by", equalTo("user-b"))
                .body("version", equalTo((int) refreshed + 1));
    }

    @Test
    void linesOfAnOrderWaitingForStockCannotChangeButItsContactCan() {
        String id = api.place(client(), line("P-1", 5));
        api.patch(id, Map.of("version", 1, "lines", List.of(line("P-1", 6)))).statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("ORDER_AWAITING_STOCK"));
        api.patch(id, Map.of("version", 1, "contact_name", "Still Fine",
                "lines", List.of(with(line("P-1", 5), "notes", "notes only")))).statusCode(200)
                .body("lines[0].quantity", equalTo(5)).body("lines[0].notes", equalTo("notes only"));
    }

    @Test
    void aRevisionWaitingForStockBlocksAnotherChangeOfLines() {
        String id = api.place(OrderApi.newClient(), line("P-1", 10));
        confirm(id);
        api.patch(id, Map.of("version", 2, "lines", List.of(line("P-1", 20)))).statusCode(200);
        api.patch(id, Map.of("version", 3, "lines", List.of(line("P-1", 30)))).statusCode(409)
                .body("code", equalTo("REVISION_PENDING")).body("pending_revision", equalTo(1));
        api.get(id).body("version", equalTo(3)).body("pending_revision.lines[0].quantity", equalTo(20));
    }

    @Test
    void cancellingClosesTheOrder() {
        String id = api.place(client(), line("P-1", 5));
        given().auth().oauth2(TestTokens.accessToken("m", "manager")).header("If-Match", "\"7\"")
                .when().post(ORDERS + "/" + id + "/cancel").then().statusCode(409).body("code", equalTo("VERSION_CONFLICT"));
        given().auth().oauth2(TestTokens.accessToken("m", "manager"))
                .when().post(ORDERS + "/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("version", equalTo(2)).body("status_reason", nullValue());

        api.cancel(id, "again").statusCode(409).contentType(PROBLEM).body("code", equalTo("ORDER_NOT_CANCELLABLE"));
        api.patch(id, Map.of("version", 2, "notes", "too late")).statusCode(409).body("code", equalTo("ORDER_CLOSED"));
        api.get(id).body("version", equalTo(2)).body("notes", nullValue());
    }

    @Test
    void badInputOnCreateIsAProblemAndStoresNothing() {
        String client = client();
        Map<String, Object> valid = newOrder(client, List.of(line("P-1", 5)));
        List<Map<String, Object>> invalid = List.of(
                with(valid, "lines", null),
                with(valid, "lines", List.of()),
                with(valid, "lines", List.of(line("P-1", 0))),
                with(valid, "lines", List.of(line("P-1", -3))),
                with(valid, "lines", List.of(line(" ", 3))),
                with(valid, "client_id", ""),
                with(valid, "contact_email", "not-an-email"),
                with(valid, "status", "CONFIRMED"),
                with(valid, "version", 9),
                with(valid, "due_date", "24/12/2026"),
                with(valid, "lines", List.of(with(line("P-1", 1), "price", 3))));
        for (Map<String, Object> body : invalid) {
            api.create(body).statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        }
        given().auth().oauth2(TestTokens.accessToken("m", "manager")).contentType(ContentType.JSON).body("{\"client_id\": ")
                .when().post(ORDERS).then().statusCode(400).contentType(PROBLEM).body("code", equalTo("MALFORMED_JSON"));
        api.create(with(valid, "lines", List.of(line("P-1", 0)))).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("quantity"));
        api.create(with(valid, "colour", "red")).body("code", equalTo("UNKNOWN_FIELD"));

        api.list(Map.of("client_id", client)).statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badInputOnEditIsAProblemAndChangesNothing() {
        String id = api.place(client(), line("P-1", 5));
        api.patch(id, Map.of("version", 1, "lines", List.of(line("P-1", 0)))).statusCode(400).contentType(PROBLEM);
        api.patch(id, Map.of("version", 1, "lines", List.of())).statusCode(400).contentType(PROBLEM);
        api.patch(id, Map.of("version", 1, "client_id", "someone-else")).statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        api.patch(id, Map.of("version", 1, "status", "CONFIRMED")).statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        api.patch(id, Map.of("version", 0, "notes", "x")).statusCode(400);
        api.put(id, Map.of("version", 1, "contact_name", "No lines")).statusCode(400).contentType(PROBLEM);
        api.get(id).statusCode(200).body("version", equalTo(1)).body("lines[0].quantity", equalTo(5))
                .body("status", equalTo("PENDING_STOCK")).body("contact_name", equalTo("Jo Buyer")).body("notes", nullValue());
    }

    @Test
    void unknownOrdersAreNotFound() {
        String missing = UUID.randomUUID().toString();
        api.get(missing).statusCode(404).contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        api.patch(missing, Map.of("version", 1, "notes", "x")).statusCode(404).contentType(PROBLEM);
        api.cancel(missing, "x").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyAdminManagerAndProductionWorkWithOrders() {
        String id = api.place(client(), line("P-1", 5));
        for (String role : new String[] {"admin", "manager", "production"}) {
            OrderApi.as("u-" + role, role).get(id).statusCode(200);
        }
        OrderApi employee = OrderApi.as("emp-1", "employee");
        employee.get(id).statusCode(403).contentType(PROBLEM).body("code", equalTo("FORBIDDEN"));
        employee.list(Map.of()).statusCode(403);
        employee.create(newOrder(client(), List.of(line("P-1", 1)))).statusCode(403);
        employee.patch(id, Map.of("version", 1, "notes", "x")).statusCode(403);
        employee.cancel(id, "x").statusCode(403);
        given().when().get(ORDERS + "/" + id).then().statusCode(401).contentType(PROBLEM);
        api.get(id).body("version", equalTo(1)).body("status", equalTo("PENDING_STOCK"));
    }

    private void confirm(String id) {
        try (InventoryAnswers answers = new InventoryAnswers(MistyTestInfrastructure.kafkaBootstrapServers())) {
            answers.send(id, new StockAllocated(id, 0, List.of(new AllocatedLine(1, "P-1", "a-" + id, 1))));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.get(id).body("status", equalTo("CONFIRMED")));
    }

    private static String client() {
        return OrderApi.newClient();
    }
}
