package com.misty.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One signed-in user, as the web UI holds it: an access token that it refreshes (rotating the refresh token)
 * before it runs out, so long-running tests keep working past the short access-token lifetime. Thread-safe:
 * many threads may act as the same user at once.
 */
public final class Session {

    private final SuiteClient client;
    private final String username;
    private final String password;
    private final String userId;
    private final String role;
    private String accessToken;
    private String refreshToken;
    private Instant refreshAt;
    private int refreshes;

    Session(SuiteClient client, String username, String password, JsonNode tokens) {
        this.client = client;
        this.username = username;
        this.password = password;
        this.userId = tokens.path("user").path("id").asText();
        this.role = tokens.path("user").path("role").asText();
        accept(tokens);
    }

    private void accept(JsonNode tokens) {
        accessToken = tokens.get("access_token").asText();
        refreshToken = tokens.get("refresh_token").asText();
        // Refresh at half the lifetime, as a careful client does (clock differences, requests in flight).
        refreshAt = Instant.now().plus(Duration.ofSeconds(tokens.get("expires_in").asLong() / 2));
    }

    /** The current access token, refreshed first when it is half-way through its life. */
    public synchronized String accessToken() {
        if (Instant.now().isAfter(refreshAt)) {
            refresh();
        }
        return accessToken;
    }

    /** Exchanges the refresh token for a new pair now; fails the test if auth-service refuses. */
    public synchronized void refresh() {
        Response response = client.send("POST", "/api/auth/refresh", null,
                SuiteClient.json(Map.of("refresh_token", refreshToken)), Map.of()).expect(200);
        accept(response.json());
        refreshes++;
    }

    public synchronized int refreshes() {
        return refreshes;
    }

    public synchronized String refreshToken() {
        return refreshToken;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The user's id in auth-service (the {@code sub} of their tokens). */
    public String userId() {
        return userId;
    }

    public String role() {
        return role;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    /** A request as this user; a String body is sent as it is (malformed JSON too), anything else as JSON. */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        String text = body == null ? null : body instanceof String s ? s : SuiteClient.json(body);
        return client.send(method, path, accessToken(), text, headers);
    }
}
