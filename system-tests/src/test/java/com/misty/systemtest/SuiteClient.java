package com.misty.systemtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plain HTTP/1.1 to the gateway, as a web UI or another service would send it. With several gateway replicas,
 * requests take turns over them (as a load balancer in front would spread them), so a session's requests meet every
 * replica.
 */
public final class SuiteClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> gatewayUrls;
    private final AtomicInteger turn = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "suite-client");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    public SuiteClient(String baseUrl) {
        this(List.of(baseUrl));
    }

    public SuiteClient(List<String> gatewayUrls) {
        if (gatewayUrls.isEmpty()) {
            throw new IllegalArgumentException("no gateway");
        }
        this.gatewayUrls = List.copyOf(gatewayUrls);
    }

    /** The first gateway's URL (a browser test opens the UI there). */
    public String baseUrl() {
        return gatewayUrls.get(0);
    }

    /** The gateway the next request goes to. */
    private String nextGateway() {
        return gatewayUrls.get(Math.floorMod(turn.getAndIncrement(), gatewayUrls.size()));
    }

    /** Signs in through the gateway; fails the test if that does not work. */
    public Session login(String username, String password) {
        Response response = send("POST", "/api/auth/login", null,
                json(Map.of("username", username, "password", password)), Map.of()).expect(200);
        return new Session(this, username, password, response.json());
    }

    /**
     * Sends one request. {@code body} is sent as it is (so tests can send malformed JSON); {@code bearer} may be
     * null for none; extra headers may override Content-Type.
     */
    public Response send(String method, String path, String bearer, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nextGateway() + path)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method, path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The raw client, for streams (SSE) and hostile requests the builder above does not cover. */
    public HttpClient http() {
        return http;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
