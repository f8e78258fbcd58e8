package com.misty.gateway;

import com.misty.gateway.support.DownstreamStubs;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The web UI is served at / with its bundle, revalidated pages, year-long cached hashed assets and a strict CSP. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class WebUiResourceTest {

    private static final Pattern BUNDLE = Pattern.compile("(/static/bundle/app-[A-Z0-9]+\\.(js|css))");

    @Test
    void indexIsRevalidatedAndCarriesTheStrictPolicy() {
        Response index = given().when().get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.header("Cache-Control")).isEqualTo("no-cache");
        String csp = index.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        String html = index.body().asString();
        assertThat(html).contains("<misty-app>", "rel=\"manifest\"").doesNotContain("{#bundle");
        // No inline script: every script has a src on this origin.
        assertThat(html.replaceAll("<script[^>]*src=\"/static/bundle/[^\"]+\"[^>]*></script>", ""))
                .doesNotContain("<script");
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        Matcher assets = BUNDLE.matcher(given().when().get("/").body().asString());
        int found = 0;
        while (assets.find()) {
            found++;
            given().when().get(assets.group(1)).then().statusCode(200)
                    .header("Cache-Control", "public, max-age=31536000, immutable");
        }
        assertThat(found).as("script and stylesheet of the bundle").isEqualTo(2);
    }

    @Test
    void manifestIsServedAndRevalidated() {
        Response manifest = given().when().get("/static/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(manifest.contentType()).isEqualTo("application/manifest+json");
        assertThat(manifest.body().asString()).contains("\"start_url\": \"/\"", "\"display\": \"standalone\"");
    }

    @Test
    void apiResponsesKeepTheirOwnHeaders() {
        Response unknown = given().when().get("/api/no-such-thing");
        // The UI's page policy is not put on API answers; only the no-framing rule every gateway answer carries
        // (rest/SecurityHeaders) is there.
        assertThat(unknown.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    }
}
