package com.misty.gateway.support;

import io.restassured.response.Response;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Drives a service whose upstreams are all down until the gateway's circuits open. */
public final class Circuits {

    private static final Duration NO_HANG = Duration.ofSeconds(5);

    private Circuits() {
    }

    /**
     * Sends {@code request} while it is answered 502 (each a failure for the circuits) and returns the first other
     * answer, checked to be the open circuits' 503 with a Retry-After of 1 to {@code maxRetryAfter} seconds; all
     * well before a client would give up, never a hang.
     */
    public static Response sendUntilOpen(Supplier<Response> request, long maxRetryAfter) {
        Response shortCircuited = assertTimeoutPreemptively(NO_HANG, () -> {
            Response response = request.get();
            while (response.statusCode() == 502) {
                response = request.get();
            }
            return response;
        });
        shortCircuited.then().statusCode(503).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("SERVICE_UNAVAILABLE"));
        assertThat(Long.parseLong(shortCircuited.header("Retry-After"))).isBetween(1L, maxRetryAfter);
        return shortCircuited;
    }
}
