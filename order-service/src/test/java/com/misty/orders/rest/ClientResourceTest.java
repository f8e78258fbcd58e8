package com.misty.orders.rest;

import com.misty.orders.OrderApi;
import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.misty.orders.OrderApi.line;
import static com.misty.orders.OrderApi.newClientBody;
import static com.misty.orders.OrderApi.newOrder;
import static com.misty.orders.OrderApi.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Clients through HTTP: create, read, search, edit with optimistic locking, deactivate; orders need an active one. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class ClientResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private final OrderApi api = OrderApi.manager();

    @Test
    void createdClientIsActiveAtVersionOneAndItsCodeIsUnique() {
        Map<String, Object> body = newClientBody("Acme Printing AG");
        String id = api.createClient(body).statusCode(201).header("ETag", "\"1\"")
                .body("code", equalTo(body.get("code"))).body("name", equalTo("Acme Printing AG"))
                .body("active", equalTo(true)).body("version", equalTo(1))
                .body("contacts[0].email", equalTo("jo@example.com")).body("created_by", equalTo("manager-1"))
                .body("outbox", nullValue())
                .extract().path("id");
        api.getClient(id).statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id));

        api.createClient(with(newClientBody("Someone else"), "code", body.get("code"))).statusCode(409)
                .contentType(PROBLEM).body("code", equalTo("CLIENT_CODE_TAKEN"));
    }

    @Test
    void editsNeedTheCurrentVersionAndAStaleOneGetsTheCurrentClient() {
        String id = api.createClient(newClientBody("Before")).statusCode(201).extract().path("id");
        api.patchClient(id, Map.of("name", "No version")).statusCode(428).body("code", equalTo("VERSION_REQUIRED"));
        api.patchClient(id, Map.of("version", 1, "name", "After", "notes", "prefers mornings")).statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo("After")).body("notes", equalTo("prefers mornings"))
                .body("contacts", hasSize(1));
        api.patchClient(id, Map.of("version", 1, "name", "Stale")).statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("VERSION_CONFLICT")).body("current_version", equalTo(2))
                .body("current_client.name", equalTo("After"));
        api.getClient(id).body("name", equalTo("After")).body("version", equalTo(2));
    }

    @Test
    void searchFindsByCodePrefixOrNamePartAndFiltersByActive() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String code = "S" + tag.toUpperCase();
        String first = api.createClient(with(newClientBody("Zeta Boxes " + tag), "code", code + "-1"))
                .statusCode(201).extract().path("id");
        String second = api.createClient(with(newClientBody("Alpha Labels " + tag), "code", code + "-2"))
                .statusCode(201).extract().path("id");

        api.listClients(Map.of("q", code.toLowerCase())).statusCode(200).body("total", equalTo(2))
                .body("items[0].id", equalTo(second)).body("items[1].id", equalTo(first));
        api.listClients(Map.of("q", "boxes " + tag)).statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(first));
        api.listClients(Map.of("q", code, "size", 1, "page", 1)).statusCode(200).body("total", equalTo(2))
                .body("items", hasSize(1)).body("items[0].id", equalTo(first));
        api.listClients(Map.of("q", "(" + tag)).statusCode(200).body("total", equalTo(0));

        api.deactivateClient(first).statusCode(200).body("active", equalTo(false)).body("version", equalTo(2));
        api.listClients(Map.of("q", code, "active", "true")).statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(second));
        api.listClients(Map.of("q", code, "active", "false")).statusCode(200).body("items.id", hasItem(first))
                .body("items.id", not(hasItem(second)));
        api.listClients(Map.of("active", "maybe")).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void ordersMustNameAnExistingActiveClientAndKeepASnapshotOfItsNameAndContact() {
        String id = api.createClient(with(newClientBody("Snapshot GmbH"), "contacts", List.of(
                Map.of("name", "Ann Office", "email", "ann@example.com", "phone", "+41 1"),
                Map.of("name", "Bob Floor", "email", "bob@example.com", "phone", "+41 2"))))
                .statusCode(201).extract().path("id");

        Map<String, Object> withoutContact = Map.of("client_id", id, "lines", List.of(line("P-1", 1)));
        String first = api.create(withoutContact).statusCode(201).body("client_name", equalTo("Snapshot GmbH"))
                .body("contact_name", equalTo("Ann Office")).body("contact_email", equalTo("ann@example.com"))
                .extract().path("id");
        api.create(Map.of("client_id", id, "contact_name", "bob floor", "lines", List.of(line("P-1", 1))))
                .statusCode(201).body("contact_name", equalTo("bob floor")).body("contact_phone", equalTo("+41 2"));

        api.patchClient(id, Map.of("version", 1, "name", "Renamed GmbH")).statusCode(200);
        api.get(first).body("client_name", equalTo("Snapshot GmbH"));

        api.create(newOrder("no-such-client", List.of(line("P-1", 1)))).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("UNKNOWN_CLIENT"));
        api.deactivateClient(id).statusCode(200);
        api.create(newOrder(id, List.of(line("P-1", 1)))).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("CLIENT_INACTIVE"));
        api.list(Map.of("client_id", id)).body("total", equalTo(2));
        api.get(first).statusCode(200).body("status", equalTo("PENDING_STOCK"));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        Map<String, Object> valid = newClientBody("Valid");
        List<Map<String, Object>> invalid = List.of(
                with(valid, "code", ""), with(valid, "code", "has space"), with(valid, "name", " "),
                with(valid, "contacts", List.of(Map.of("email", "x@example.com"))),
                with(valid, "contacts", List.of(Map.of("name", "Jo", "email", "not-an-email"))),
                with(valid, "active", false), with(valid, "version", 3), with(valid, "colour", "red"));
        for (Map<String, Object> body : invalid) {
            api.createClient(body).statusCode(400).contentType(PROBLEM);
        }
        api.listClients(Map.of("q", valid.get("code"))).body("total", equalTo(0));

        String id = api.createClient(valid).statusCode(201).extract().path("id");
        api.patchClient(id, Map.of("version", 1, "name", "")).statusCode(400).contentType(PROBLEM);
        api.patchClient(id, Map.of("version", 1, "code", "NEW")).statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        api.patchClient(id, Map.of("version", 1, "active", false)).statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        api.getClient(id).body("version", equalTo(1)).body("name", equalTo("Valid")).body("active", equalTo(true));
        api.getClient(UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyAdminManagerAndProductionWorkWithClients() {
        String id = OrderApi.newClient();
        OrderApi.as("u-production", "production").getClient(id).statusCode(200);
        OrderApi employee = OrderApi.as("emp-1", "employee");
        employee.getClient(id).statusCode(403);
        employee.listClients(Map.of()).statusCode(403);
        employee.createClient(newClientBody("Nope")).statusCode(403);
        employee.patchClient(id, Map.of("version", 1, "name", "x")).statusCode(403);
        employee.deactivateClient(id).statusCode(403);
        api.getClient(id).body("version", equalTo(1));
    }

    @Test
    void ofSixteenEditsBasedOnTheSameVersionExactlyOneWins() {
        String id = OrderApi.newClient();

        List<ExtractableResponse<Response>> responses = Concurrently.run(16, i -> () ->
                OrderApi.as("editor-" + i, "production").patchClient(id, Map.of("version", 1, "name", "Name " + i)).extract());

        List<ExtractableResponse<Response>> won = responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(15).allSatisfy(r -> {
            assertThat(r.<String>path("code")).isEqualTo("VERSION_CONFLICT");
            assertThat(r.<Integer>path("current_version")).isEqualTo(2);
        });
        String winner = won.get(0).path("name");
        api.getClient(id).body("version", equalTo(2)).body("name", equalTo(winner))
                .body("updated_by", equalTo("editor-" + winner.substring("Name ".length())));
    }
}
