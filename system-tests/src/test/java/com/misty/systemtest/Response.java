package com.misty.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** One answer from the gateway: status, headers and the body (parsed as JSON on demand). */
public record Response(String method, String path, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return SuiteClient.parse(body);
    }

    /** A field of a JSON object body, e.g. {@code field("version")}; missing fields are a test failure. */
    public JsonNode field(String name) {
        JsonNode value = json().get(name);
        if (value == null) {
            throw new AssertionError(this + " has no field '" + name + "'");
        }
        return value;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public boolean isProblem() {
        return contentType().startsWith("application/problem+json");
    }

    /** Fails the test with the whole answer when the status is not the expected one. */
    public Response expect(int expectedStatus) {
        if (status != expectedStatus) {
            throw new AssertionError("expected " + expectedStatus + " but got " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
        return method + " " + path + " -> " + status + " " + shown;
    }
}
