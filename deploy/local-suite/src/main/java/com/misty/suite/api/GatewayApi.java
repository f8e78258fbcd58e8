package com.misty.suite.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.misty.suite.LaunchException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The suite's public API as one signed-in user sees it through the gateway: JSON in and out, and any answer other
 * than the expected one is an {@link ApiRefusal} with the problem's code and detail (the demo seeder and the
 * importer stop on it, or tell "already there" from a real failure).
 */
public final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A throttled request is tried again this often at most (each after the gateway's Retry-After). */
    private static final int MAX_THROTTLED_RETRIES = 30;

    private final String baseUrl;
    private final String username;
    private String accessToken;
    private String refreshToken;

    private GatewayApi(String baseUrl, String username, JsonNode session) {
        this.baseUrl = baseUrl;
        this.username = username;
        keep(session);
    }

    public static GatewayApi signIn(String baseUrl, String username, String password) {
        JsonNode session;
        try {
            session = send(baseUrl, null, "POST", "/api/auth/login", Map.of("username", username, "password", password));
        } catch (ApiRefusal refused) {
            throw new LaunchException("cannot sign in to the suite as " + username + ": " + refused.getMessage());
        }
        if (!session.hasNonNull("access_token")) {
            throw new LaunchException("cannot sign in to the suite as " + username + ": " + session);
        }
        return new GatewayApi(baseUrl, username, session);
    }

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    /** GET that answers {@code null} for 404 (a catalogue entry that does not exist yet). */
    public JsonNode find(String path) {
        try {
            return get(path);
        } catch (ApiRefusal refusal) {
            if (refusal.status == 404) {
                return null;
            }
            throw refusal;
        }
    }

    public JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    public JsonNode put(String path, Object body) {
        return call("PUT", path, body);
    }

    /**
     * One request, sent again when the gateway refused it before any service saw it (so sending it again is safe):
     * after a 429 once the {@code Retry-After} has passed (a bulk import reads faster than one user may), and after a
     * 401 once the session is refreshed (a long import outlives the access token).
     */
    private synchronized JsonNode call(String method, String path, Object body) {
        for (int throttled = 0; ; throttled++) {
            try {
                return send(baseUrl, accessToken, method, path, body);
            } catch (ApiRefusal refusal) {
                if (refusal.status == 429 && throttled < MAX_THROTTLED_RETRIES) {
                    pause(refusal.retryAfterSeconds);
                } else if (refusal.status == 401 && refreshToken != null) {
                    keep(send(baseUrl, null, "POST", "/api/auth/refresh", Map.of("refresh_token", refreshToken)));
                    return send(baseUrl, accessToken, method, path, body);
                } else {
                    throw refusal;
                }
            }
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(seconds, 60))).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }

    private void keep(JsonNode session) {
        this.accessToken = session.get("access_token").asText();
        this.refreshToken = session.hasNonNull("refresh_token") ? session.get("refresh_token").asText() : null;
    }

    public String username() {
        return username;
    }

    public static String query(Map<String, ?> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return body;
    }

    private static JsonNode send(String baseUrl, String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new ApiRefusal(method + " " + path, response.statusCode(), answer,
                        retryAfterSeconds(response));
            }
            return answer;
        } catch (IOException e) {
            throw new LaunchException(method + " " + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }

    /** The gateway's Retry-After in seconds (it sends seconds); 1 when absent or not a number. */
    private static long retryAfterSeconds(HttpResponse<?> response) {
        try {
            return Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A refused request, with the problem's code, so the seeder can tell "already there" from a real failure. */
    public static final class ApiRefusal extends LaunchException {
        public final int status;
        public final String code;
        /** The gateway's {@code Retry-After} (seconds) of a 429; 1 when it gave none. */
        public final long retryAfterSeconds;

        ApiRefusal(String request, int status, JsonNode problem, long retryAfterSeconds) {
            super(request + " answered " + status + " " + problem.path("code").asText("")
                    + ": " + problem.path("detail").asText(problem.toString()));
            this.status = status;
            this.code = problem.path("code").asText("");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
