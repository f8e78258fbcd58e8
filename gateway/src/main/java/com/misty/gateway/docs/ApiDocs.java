package com.misty.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.misty.gateway.domain.CombinedApiDocument;
import com.misty.gateway.domain.Downstream;
import com.misty.gateway.proxy.Upstreams;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suite's API documentation at the gateway: {@value #DOCUMENT} is one OpenAPI document of every service's
 * operations (read from each service's {@code /q/openapi}, combined by {@link CombinedApiDocument}, kept for
 * {@value #CACHE_SECONDS} s so that the public page cannot make the gateway hammer the services), and
 * {@code /api-docs/} is a Swagger UI page for it, served from this gateway (no CDN; see
 * {@code META-INF/resources/api-docs}). "Try it out" calls go to this gateway's {@code /api/...} like any client's.
 */
@ApplicationScoped
public class ApiDocs {

    public static final String DOCUMENT = "/api-docs/openapi.json";
    static final long CACHE_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(ApiDocs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Upstreams upstreams;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: see ContractValidationFilter
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    public ApiDocs(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    void install(@Observes Router router) {
        router.get(DOCUMENT).blockingHandler(this::document, false);
    }

    private void document(RoutingContext ctx) {
        String body = cached;
        if (body == null || cachedAt.plusSeconds(CACHE_SECONDS).isBefore(Instant.now())) {
            body = combine();
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(body);
    }

    private String combine() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        boolean complete = true;
        for (Downstream service : Downstream.values()) {
            JsonNode document = fetchFromAnyUpstream(service);
            complete &= document != null;
            documents.put(Upstreams.name(service), document);
        }
        String body = CombinedApiDocument.combine(documents, "1.0.0").toString();
        if (complete) { // a service that is away is asked again at the next request
            cached = body;
            cachedAt = Instant.now();
        }
        return body;
    }

    /** Every replica serves the same document: the first that answers (those in rotation are asked first). */
    private JsonNode fetchFromAnyUpstream(Downstream service) {
        for (String base : upstreams.baseUrls(service)) {
            JsonNode document = fetch(base + "/q/openapi?format=json");
            if (document != null) {
                return document;
            }
        }
        return null;
    }

    private JsonNode fetch(String url) {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        } catch (java.io.IOException e) {
            LOG.debugf("OpenAPI document of %s unavailable: %s", url, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
