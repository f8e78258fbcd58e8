package com.misty.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.misty.gateway.domain.CombinedApiDocument;
import com.misty.gateway.support.DownstreamStubs;
import com.misty.gateway.support.StubServices;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The suite's combined API description and the API page, served by the gateway without a token or a CDN. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class ApiDocsResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCombinedDocumentHasEveryOperationOfEveryService() throws Exception {
        JsonNode combined = JSON.readTree(given().when().get("/api-docs/openapi.json")
                .then().statusCode(200).contentType("application/json").extract().asString());

        Set<String> expected = new TreeSet<>();
        for (String service : StubServices.SERVICES) {
            expected.addAll(CombinedApiDocument.operations(JSON.readTree(StubServices.openApi(service))));
        }
        assertThat(CombinedApiDocument.operations(combined)).containsAll(expected).hasSize(expected.size());
        assertThat(combined.at("/components/securitySchemes/SecurityScheme/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void schemasOfTheSameNameButDifferentShapeStayApart() throws Exception {
        JsonNode combined = JSON.readTree(given().when().get("/api-docs/openapi.json").asString());
        JsonNode schemas = combined.path("components").path("schemas");
        for (String service : StubServices.SERVICES) {
            JsonNode answer = combined.at("/paths/~1api~1stub~1" + service + "~1items~1{id}/get/responses/200/content")
                    .path("application/json").path("schema").path("$ref");
            String name = answer.asText().substring("#/components/schemas/".length());
            assertThat(schemas.path(name).path("properties").has(service + "_field"))
                    .as("%s's Item behind %s", service, name).isTrue();
        }
        assertThat(schemas.has("Problem")).isTrue();
        assertThat(schemas.has("inventory.Problem")).as("an identical schema is kept once").isFalse();
    }

    @Test
    void theApiPageIsServedFromTheGatewayUnderTheUisPolicy() {
        Response page = given().when().get("/api-docs/");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/openapi-ui/swagger-ui-bundle.js"))
                .body(containsString("/api-docs/init.js"))
                .body(not(containsString("http://"))).body(not(containsString("https://")))
                .body(not(containsString("<script>")));
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");

        given().when().get("/openapi-ui/swagger-ui-bundle.js").then().statusCode(200);
        given().when().get("/openapi-ui/swagger-ui.css").then().statusCode(200);
        given().when().get("/api-docs/init.js").then().statusCode(200)
                .body(containsString("/api-docs/openapi.json"));
    }
}
