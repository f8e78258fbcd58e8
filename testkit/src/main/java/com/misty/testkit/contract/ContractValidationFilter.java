package com.misty.testkit.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Checks one RestAssured exchange with the service under test against the service's own {@code /q/openapi}:
 * <ul>
 *   <li>every response must be what the document says for that operation and status: a documented status,
 *   the documented content type, a body whose properties are all documented (no undocumented property either)
 *   with the documented types, formats, enums and required members, and for errors the documented {@code code}s;</li>
 *   <li>a request the document calls invalid must not be accepted: if the service answered it with a 2xx/3xx,
 *   the document is stricter than the service (or the service too lax). A refused invalid request (4xx) is what
 *   hostile-input tests ask for and passes.</li>
 * </ul>
 * Installed for every {@code @QuarkusTest} by {@link ContractValidation}.
 */
public final class ContractValidationFilter implements Filter {

    private final java.util.Map<Integer, OpenApiInteractionValidator> validators = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads the document the service at {@code port} publishes. */
    private static OpenApiInteractionValidator validatorFor(int port) {
        String document = fetch(URI.create("http://localhost:" + port + "/q/openapi?format=json"));
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        // RestAssured adds the bearer token of auth().oauth2(..) after the filters have run, so
                        // the token is invisible here; the services' access tests check who may call what.
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .withStrictOperationPathMatching()
                .build();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        if (!concernsServiceUnderTest(request)) {
            return response;
        }
        OpenApiInteractionValidator validator = validators.computeIfAbsent(URI.create(request.getURI()).getPort(),
                ContractValidationFilter::validatorFor);
        Request checked = RestAssuredRequest.of(request);
        ValidationReport responseReport = validator.validateResponse(checked.getPath(), checked.getMethod(),
                RestAssuredResponse.of(response));
        int status = response.statusCode();
        if (unknownRoute(responseReport) && (status == 404 || status == 405)) {
            return response; // not an operation of the service, and it said so
        }
        if (responseReport.hasErrors()) {
            throw new AssertionError("The response to " + checked.getMethod() + " " + checked.getPath() + " (" + status
                    + ") does not match the service's OpenAPI document:\n" + describe(responseReport)
                    + "\nbody: " + abbreviated(response.asString()));
        }
        if (status < 400) {
            ValidationReport requestReport = withoutBodylessContentType(validator.validateRequest(checked), checked,
                    !request.getFormParams().isEmpty());
            if (requestReport.hasErrors()) {
                throw new AssertionError("The service accepted (" + status + ") " + checked.getMethod() + " "
                        + checked.getPath() + ", a request its OpenAPI document calls invalid:\n"
                        + describe(requestReport));
            }
        }
        return response;
    }

    private boolean concernsServiceUnderTest(FilterableRequestSpecification request) {
        URI uri = URI.create(request.getURI());
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        // The service under test is where RestAssured points (Quarkus sets the port); stubs elsewhere are not checked.
        return local && uri.getPort() == io.restassured.RestAssured.port && !uri.getPath().startsWith("/q/");
    }

    /**
     * A request without a body: the content type RestAssured put on it means nothing. A form (formParam) is a body
     * the adapter cannot see, so body checks do not apply to it either.
     */
    private static ValidationReport withoutBodylessContentType(ValidationReport report, Request request, boolean form) {
        if (!form && request.getRequestBody().map(body -> body.hasBody()).orElse(false)) {
            return report;
        }
        return ValidationReport.from(report.getMessages().stream()
                .filter(m -> !m.getKey().startsWith("validation.request.contentType"))
                .filter(m -> !form || !m.getKey().startsWith("validation.request.body"))
                .toList());
    }

    private static boolean unknownRoute(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "  - [" + m.getKey() + "] " + m.getMessage()
                        + m.getNestedMessages().stream().map(n -> "\n      " + n.getMessage()).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviated(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }

    private static String fetch(URI uri) {
        try {
            // HTTP/1.1: the JDK client's default h2c upgrade attempt was once answered with a body it read as an
            // HTTP/2 frame ("Frame type(32) length(2236474) exceeds MAX_FRAME_SIZE"), failing a test at random.
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
