package com.misty.orders;

import com.misty.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls the order endpoints as a given user, the way a client of the API does. */
public final class OrderApi {

    public static final String ORDERS = "/api/orders";
    public static final String CLIENTS = "/api/clients";

    private final String token;

    private OrderApi(String token) {
        this.token = token;
    }

    public static OrderApi as(String userId, String... roles) {
        return new OrderApi(TestTokens.accessToken(userId, roles));
    }

    public static OrderApi manager() {
        return as("manager-1", "manager");
    }

    /** A new client body with a unique code and one contact. */
    public static Map<String, Object> newClientBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "C-" + UUID.randomUUID().toString().substring(0, 13));
        body.put("name", name);
        body.put("contacts", List.of(Map.of("name", "Jo Buyer", "email", "jo@example.com", "phone", "+41 44 000 00 00",
                "role", "purchasing")));
        body.put("billing_address", "Hauptstrasse 1, 8000 Zürich");
        return body;
    }

    /** Creates an active client (as a manager) and returns its id: every order must name one. */
    public static String newClient() {
        return manager().createClient(newClientBody("Client " + UUID.randomUUID().toString().substring(0, 8)))
                .statusCode(201).extract().path("id");
    }

    public ValidatableResponse createClient(Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(CLIENTS).then();
    }

    public ValidatableResponse getClient(String id) {
        return given().auth().oauth2(token).when().get(CLIENTS + "/" + id).then();
    }

    public ValidatableResponse patchClient(String id, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().patch(CLIENTS + "/" + id).then();
    }

    public ValidatableResponse deactivateClient(String id) {
        return given().auth().oauth2(token).when().post(CLIENTS + "/" + id + "/deactivate").then();
    }

    public ValidatableResponse listClients(Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get(CLIENTS).then();
    }

    public static Map<String, Object> line(String productId, long quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("product_id", productId);
        line.put("quantity", quantity);
        return line;
    }

    public static Map<String, Object> newOrder(String clientId, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("contact_name", "Jo Buyer");
        body.put("contact_email", "jo@example.com");
        body.put("lines", lines);
        body.put("due_date", "2026-12-24");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    public ValidatableResponse create(Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(ORDERS).then();
    }

    /** Places an order and returns its id. */
    public String place(String clientId, Map<String, Object>... lines) {
        return create(newOrder(clientId, new ArrayList<>(List.of(lines)))).statusCode(201).extract().path("id");
    }

    public ValidatableResponse get(String id) {
        return given().auth().oauth2(token).when().get(ORDERS + "/" + id).then();
    }

    public long version(String id) {
        return ((Number) get(id).statusCode(200).extract().path("version")).longValue();
    }

    public String status(String id) {
        return get(id).statusCode(200).extract().path("status");
    }

    public ValidatableResponse patch(String id, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().patch(ORDERS + "/" + id).then();
    }

    public ValidatableResponse patchIfMatch(String id, String ifMatch, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .when().patch(ORDERS + "/" + id).then();
    }

    public ValidatableResponse put(String id, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put(ORDERS + "/" + id).then();
    }

    public ValidatableResponse cancel(String id, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post(ORDERS + "/" + id + "/cancel").then();
    }

    public ValidatableResponse startProduction(String id) {
        return given().auth().oauth2(token).when().post(ORDERS + "/" + id + "/start-production").then();
    }

    public ValidatableResponse complete(String id, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(ORDERS + "/" + id + "/complete").then();
    }

    public ValidatableResponse cancel(String id, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(ORDERS + "/" + id + "/cancel").then();
    }

    public ValidatableResponse list(Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get(ORDERS).then();
    }
}
