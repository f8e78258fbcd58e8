package com.misty.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document with the suite's stable machine {@code code}; extra members (e.g. the
 * current version on a conflict, the fields that failed validation) go into {@code extensions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "instance"})
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://misty.example/problems/";
    private static final java.util.Set<String> STANDARD_MEMBERS = java.util.Set.of("type", "title", "status", "detail",
            "code", "instance");

    public static Problem of(int status, String code, String detail) {
        return new Problem(TYPE_BASE + code.toLowerCase().replace('_', '-'), title(status), status, detail, code, null,
                Map.of());
    }

    /**
     * An extension member. One named like a standard member ({@code status}: the record's state on a conflict) is
     * sent as {@code current_<name>}: a second {@code "status"} key would make the JSON ambiguous (most parsers keep
     * the last, so a client read the record's state as the HTTP status).
     */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(STANDARD_MEMBERS.contains(name) ? "current_" + name : name, value);
        return new Problem(type, title, status, detail, code, instance, more);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    /**
     * The answer, counted in {@code misty_problems_total{status, code}}: conflicts (409) and refusals by their
     * machine code, per service (each service's registry is scraped separately).
     */
    public Response toResponse() {
        ProblemCounter.count(this);
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return status == 429 ? "Too Many Requests" : "HTTP " + status;
    }
}
