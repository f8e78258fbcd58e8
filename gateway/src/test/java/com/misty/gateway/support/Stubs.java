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

    /** Makes a stand-in's {@code /q/health/ready} answer 503 ({@code false}) or 200 ({@code true}). */
    public static void ready(String stub, boolean ready) {
        post((ready ? "/ready/" : "/not-ready/") + stub, "");
    }

    /** How often the gateway has asked {@code stub}'s readiness so far. */
    public static int healthChecks(String stub) {
        return Integer.parseInt(get("/health-checks/" + stub));
    }

    /** How many stand-ins (together) received the whole request sent with {@code requestId}. */
    public static int receipts(String requestId) {
        return Integer.parseInt(get("/receipts/" + requestId));
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
