package com.misty.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The tests' handle on the stand-in services (through their control server). */
public final class Stubs {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Stubs() {
    }

    public static void stop(String service) {
        post("/stop/" + service, "");
    }

    public static void start(String service) {
        post("/start/" + service, "");
    }

    public static void addKey(String publicJwkJson) {
        post("/keys", publicJwkJson);
    }

    /** Makes the auth stand-in answer JWKS fetches only after {@code millis} (0: at once). */
    public static void delayJwks(long millis) {
        post("/jwks-delay/" + millis, "");
    }

    public static int jwksFetches() {
        return Integer.parseInt(get("/jwks-fetches"));
    }

    private static String get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static void post(String path, String body) {
        send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static URI uri(String path) {
        return URI.create(System.getProperty(DownstreamStubs.CONTROL) + path);
    }

    private static String send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("Stub control failed", e);
        }
    }
}
