package com.misty.gateway.support;

import com.misty.testkit.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Four stand-ins for the services, on random ports: they echo what they received (method, path, query, headers,
 * body size and hash, and which stand-in answered) as JSON, and the auth stand-in serves a JWKS built from the
 * test kit's public key. Paths ending in {@code /slow} never answer (for timeouts). Extra replicas of a service
 * are named {@code <service>-<n>} ({@link #start(List)}). Each stand-in answers {@code /q/health/ready} (200, or
 * 503 once told it is not ready); a request with {@code die=<stand-in>} in its query is read whole by that stand-in,
 * which then closes the connection without answering. Every request read whole is counted by its
 * {@code X-Request-Id} (receipts). A control server lets tests stop and restart a stand-in, make it not ready,
 * read receipts and health-check counts, add signing keys and slow down the JWKS, over HTTP, because the tests and
 * this class may live in different class loaders.
 */
public final class StubServices implements AutoCloseable {

    public static final String TEST_KID = "test-key-1";
    public static final List<String> SERVICES = List.of("auth", "inventory", "payroll", "orders");

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final List<String> extraKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final Set<String> notReady = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> healthChecks = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
    private volatile long jwksDelayMillis;
    private HttpServer control;

    public static StubServices start() {
        return start(List.of());
    }

    /** The four stand-ins and {@code replicas} more, each named {@code <service>-<n>}, e.g. {@code inventory-2}. */
    public static StubServices start(List<String> replicas) {
        StubServices stubs = new StubServices();
        for (String service : SERVICES) {
            stubs.listen(service, 0);
        }
        replicas.forEach(replica -> stubs.listen(replica, 0));
        stubs.control = await(stubs.vertx.createHttpServer().requestHandler(stubs::control).listen(0, "127.0.0.1"));
        return stubs;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Every stand-in started, replicas included. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(ports.keySet());
    }

    /** The stubs' own Vert.x instance (the benchmark places its event loops on cores). */
    public Vertx vertx() {
        return vertx;
    }

    public String controlUrl() {
        return "http://127.0.0.1:" + control.actualPort();
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    /** Stops one stand-in before the gateway starts (it is started again through the control server). */
    public void stop(String service) {
        await(servers.remove(service).close());
    }

    private void listen(String service, int port) {
        HttpServer server = await(vertx.createHttpServer()
                .requestHandler(request -> handle(service, request))
                .listen(port, "127.0.0.1"));
        ports.put(service, server.actualPort());
        servers.put(service, server);
    }

    private void handle(String stub, HttpServerRequest request) {
        String service = stub.replaceFirst("-\\d+$", "");
        String path = request.path();
        if (path.equals("/q/health/ready")) {
            healthChecks.computeIfAbsent(stub, s -> new AtomicInteger()).incrementAndGet();
            boolean ready = !notReady.contains(stub);
            request.response().setStatusCode(ready ? 200 : 503).putHeader("Content-Type", "application/json")
                    .end(ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
            return;
        }
        if ("auth".equals(service) && (path.equals("/api/auth/jwks") || path.equals("/.well-known/jwks.json"))) {
            jwksFetches.incrementAndGet();
            if (jwksDelayMillis > 0) {
                // A slow auth-service: token checks that wait for this fetch complete asynchronously.
                vertx.setTimer(jwksDelayMillis, fired -> request.response()
                        .putHeader("Content-Type", "application/json").end(jwks()));
            } else {
                request.response().putHeader("Content-Type", "application/json").end(jwks());
            }
            return;
        }
        if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi(service));
            return;
        }
        if (path.endsWith("/slow")) {
            return;
        }
        if (path.endsWith("/bench")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"id\":\"bench\",\"quantity\":42}");
            return;
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long[] size = {0};
        Buffer small = Buffer.buffer();
        request.handler(chunk -> {
            size[0] += chunk.length();
            sha.update(chunk.getBytes());
            if (small.length() < 4096) {
                small.appendBuffer(chunk);
            }
        });
        request.endHandler(ended -> {
            String requestId = request.getHeader("X-Request-Id");
            if (requestId != null) {
                receipts.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
            }
            if (stub.equals(request.getParam("die"))) {
                // Received whole, then gone before answering (a replica killed mid-request).
                request.connection().close();
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("stub", stub)
                    .put("method", request.method().name())
                    .put("path", path)
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("body_bytes", size[0])
                    .put("body_sha256", HexFormat.of().formatHex(sha.digest()))
                    .put("body", size[0] <= 4096 ? small.toString() : null);
            int status = request.getParam("status") == null ? 200 : Integer.parseInt(request.getParam("status"));
            request.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Stub-Service", service)
                    // Hop-by-hop on the way back: the gateway must not pass these on.
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Connection", "keep-alive, X-Stub-Hop")
                    .putHeader("X-Stub-Hop", "connection-scoped")
                    .end(echo.encode());
        });
    }

    private void control(HttpServerRequest request) {
        String[] parts = request.path().split("/");
        switch (parts.length > 1 ? parts[1] : "") {
            // Asynchronous here: this handler runs on the event loop that closing and binding need.
            case "stop" -> {
                HttpServer server = servers.remove(parts[2]);
                (server == null ? io.vertx.core.Future.succeededFuture() : server.close())
                        .onComplete(closed -> request.response().end("stopped"));
            }
            case "start" -> {
                if (servers.containsKey(parts[2])) {
                    request.response().end("started");
                } else {
                    String service = parts[2];
                    vertx.createHttpServer().requestHandler(r -> handle(service, r))
                            .listen(ports.get(service), "127.0.0.1")
                            .onComplete(bound -> {
                                servers.put(service, bound.result());
                                request.response().end("started");
                            });
                }
            }
            case "jwks-delay" -> {
                jwksDelayMillis = Long.parseLong(parts[2]);
                request.response().end("delayed");
            }
            case "not-ready" -> {
                notReady.add(parts[2]);
                request.response().end("not ready");
            }
            case "ready" -> {
                notReady.remove(parts[2]);
                request.response().end("ready");
            }
            case "health-checks" -> request.response()
                    .end(Integer.toString(healthChecks.getOrDefault(parts[2], new AtomicInteger()).get()));
            case "receipts" -> request.response()
                    .end(Integer.toString(receipts.getOrDefault(parts[2], new AtomicInteger()).get()));
            case "jwks-fetches" -> request.response().end(Integer.toString(jwksFetches.get()));
            case "keys" -> request.body().onSuccess(body -> {
                extraKeys.add(body.toString());
                request.response().end("added");
            });
            default -> request.response().setStatusCode(404).end();
        }
    }

    private String jwks() {
        try {
            String pem = Files.readString(TestTokens.publicKeyFile());
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            RsaJsonWebKey jwk = new RsaJsonWebKey(key);
            jwk.setKeyId(TEST_KID);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            JsonArray keys = new JsonArray().add(new JsonObject(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
            extraKeys.forEach(extra -> keys.add(new JsonObject(extra)));
            return new JsonObject().put("keys", keys).encode();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the JWKS", e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A service's OpenAPI document: one operation {@code GET /api/stub/<service>/items/{id}} answering an
     * {@code Item} whose shape differs per service (so the combined document must keep them apart), and a
     * {@code Problem} schema that is the same everywhere.
     */
    public static String openApi(String service) {
        return """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},"tags":[{"name":"%1$s things"}],
                 "paths":{"/api/stub/%1$s/items/{id}":{"get":{"tags":["%1$s things"],
                   "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                   "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                                "404":{"description":"NOT_FOUND","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{
                   "Item":{"type":"object","properties":{"%1$s_field":{"type":"string"}}},
                   "Problem":{"type":"object","properties":{"code":{"type":"string"}}}},
                   "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}
                """.formatted(service);
    }
}
