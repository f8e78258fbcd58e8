package com.misty.systemtest.coldstart;

import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads through the gateway and straight on each service's port, and readiness checks, with short timeouts: a
 * process that is starting may not answer at all, and that is an answer too (-1), not a test failure.
 */
final class Probe {

    /** One read per service, for a signed-in administrator. */
    record Read(String module, String path) {
    }

    static final List<Read> READS = List.of(
            new Read("auth-service", "/api/auth/me"),
            new Read("inventory-service", "/api/stock?page=0&size=5"),
            new Read("payroll-service", "/api/payroll/employees?limit=5"),
            new Read("order-service", "/api/orders?page=0&size=5"));

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RunningSuite suite;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    Probe(RunningSuite suite) {
        this.suite = suite;
    }

    int readiness(String module) {
        return status(suite.processes().serviceUrl(module) + "/q/health/ready", null);
    }

    int gatewayStatus(String path, String token) {
        return status(suite.processes().gatewayUrl() + path, token);
    }

    Response viaGateway(String path, String token) {
        return suite.client().send("GET", path, token, null, Map.of());
    }

    Response direct(String module, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.processes().serviceUrl(module) + path))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response("GET", module + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(module + " did not answer GET " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private int status(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
