package com.misty.systemtest.operability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.misty.systemtest.RunningSuite;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's combined API description lists every operation of every service of the running suite (as each
 * service publishes it at its own /q/openapi), and "Try it out" with a token from the login works through it.
 */
class ApiDocsSystemTest {

    private static final List<String> SERVICES = List.of("auth-service", "inventory-service", "payroll-service",
            "order-service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunningSuite suite = RunningSuite.get();

    @Test
    void theCombinedDocumentHasEveryOperationOfEveryService() throws Exception {
        JsonNode combined = read(suite.processes().gatewayUrl() + "/api-docs/openapi.json");
        Set<String> expected = new TreeSet<>();
        for (String service : SERVICES) {
            Set<String> own = operations(read(suite.processes().serviceUrl(service) + "/q/openapi?format=json"));
            assertThat(own).as("operations of %s", service).isNotEmpty();
            expected.addAll(own);
        }
        assertThat(operations(combined)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(combined.at("/components/schemas/Problem/required").toString()).contains("code");
    }

    @Test
    void anOperationOfTheDocumentWorksWithTheTokenOfASignIn() {
        // What the page's "Authorize" + "Try it out" do: a bearer token from POST /api/auth/login, same origin.
        assertThat(suite.admin().get("/api/auth/me").expect(200).field("username").asText()).isEqualTo("admin");
        assertThat(suite.client().send("GET", "/api-docs/", null, null, java.util.Map.of()).expect(200).body())
                .contains("/openapi-ui/swagger-ui-bundle.js");
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private static JsonNode read(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
