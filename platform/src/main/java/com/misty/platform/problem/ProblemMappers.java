package com.misty.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The single place where exceptions become problem+json, for every service. Bad input is always a 4xx with
 * a detail that names the field but never echoes the (possibly huge or hostile) value; anything unexpected
 * is a 500 whose detail reveals nothing internal.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** About the MongoDB driver's server selection timeout: a retry sooner would meet the same outage. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return e.toProblem().toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Problem.of(status, "INTERNAL_ERROR", "The request could not be completed.").toResponse();
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json);
        }
        if (cause instanceof DomainException domain) {
            // A parameter converter can only throw a WebApplicationException and still be heard (JAX-RS wraps
            // anything else in a 404): it carries its problem as the cause.
            return domain(domain);
        }
        return Problem.of(status, codeFor(status), detailFor(status, e)).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.of(400, "UNKNOWN_FIELD", "Unknown field '" + unknown.getPropertyName() + "'.")
                    .with("field", unknown.getPropertyName()).toResponse();
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            String detail = field.isEmpty() ? "The request body has the wrong shape."
                    : "Field '" + field + "' has the wrong type or format.";
            Problem problem = Problem.of(400, "INVALID_FIELD", detail);
            return (field.isEmpty() ? problem : problem.with("field", field)).toResponse();
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException invalid) {
            // Records validate themselves in their constructors; their message is written for users.
            return Problem.of(400, "INVALID_FIELD", invalid.getMessage()).toResponse();
        }
        return Problem.of(400, "MALFORMED_JSON", "The request body is not valid JSON.").toResponse();
    }

    /**
     * A value of the wrong type or format (and an unknown field) is a {@link MismatchedInputException}, for which
     * quarkus-rest-jackson registers its own, more specific mapper answering plain JSON; this keeps it problem+json.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = errors.stream().map(m -> m.get("field") + " " + m.get("message"))
                .collect(Collectors.joining("; "));
        return Problem.of(400, "VALIDATION_FAILED", detail).with("errors", errors).toResponse();
    }

    /**
     * MongoDB unreachable (no server within the selection timeout) or the connection lost: the request may well
     * succeed shortly, so the client gets 503 with Retry-After rather than the 500 of a bug, and the gateway's
     * circuit breaker (which counts 502/503/504) can answer for the service while its database is away.
     */
    @ServerExceptionMapper(priority = 1)
    public Response databaseUnreachable(MongoTimeoutException e) {
        return databaseUnavailable(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response databaseConnectionLost(MongoSocketException e) {
        return databaseUnavailable(e);
    }

    private static Response databaseUnavailable(MongoException e) {
        LOG.warnf("Database unavailable: %s", e.getMessage());
        return Response.fromResponse(Problem.of(503, "DATABASE_UNAVAILABLE",
                "The service cannot reach its database; try again shortly.").toResponse())
                .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return Problem.of(500, "INTERNAL_ERROR", "The request could not be completed.").toResponse();
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method validation paths look like "create.request.quantity": the user cares about the last part.
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> "HTTP_" + status;
        };
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 401 -> "Authentication is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 415 -> "Send the body as application/json.";
            default -> Problem.title(status) + ".";
        };
    }
}
