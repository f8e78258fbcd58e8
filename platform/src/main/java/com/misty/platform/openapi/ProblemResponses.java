package com.misty.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every service's OpenAPI document say what the wire carries: every error response is
 * {@code application/problem+json} with the suite's {@code Problem} schema, the error statuses every operation can
 * answer (400, 401/403 when secured, 404, 415 with a body, 503) are documented everywhere,
 * and a status an operation documents itself ({@code @APIResponse(responseCode = "409", description =
 * "VERSION_CONFLICT (...) or ORDER_CLOSED")}) gets the machine codes named in its description as the only allowed
 * values of {@code code}, so the contract tests refuse a code the document does not name. Properties that are not
 * required may be {@code null} on the wire (Jackson writes nulls), so they are marked nullable.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "Problem";
    /** Operation extension naming the problems it answers with, by status: {@code "409: CODE, CODE; 428: CODE"}. */
    public static final String PROBLEMS_EXTENSION = "x-misty-problems";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    /** A machine code: upper case with at least one underscore, or one of the single-word generic codes. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b"
            + "|\\b(?:CONFLICT|FORBIDDEN|UNAUTHORIZED|STARTING)\\b");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        if (openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
            // Values and references to values first, so that the copies of objects made next see their result.
            for (boolean objects : new boolean[] {false, true}) {
                schemas.forEach((name, schema) -> {
                    if (!PROBLEM_SCHEMA.equals(name)) {
                        markOptionalPropertiesNullable(schema, schemas, objects);
                    }
                });
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(entry.getValue(), openAPI);
            }
        });
    }

    private static void document(Operation operation, OpenAPI openAPI) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        declaredProblems(operation);
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty()
                : openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        addIfMissing(responses, "400", "Invalid input: VALIDATION_FAILED, INVALID_FIELD, UNKNOWN_FIELD, "
                + "MALFORMED_JSON, BAD_REQUEST or a code of this service naming the rule");
        if (secured) {
            addIfMissing(responses, "401", "No, an invalid, an expired or a revoked access token (UNAUTHORIZED)");
            addIfMissing(responses, "403", "The token's roles do not allow this (FORBIDDEN)");
        }
        // A path parameter or a record named in the body or the token (an employee's own profile) may not exist.
        addIfMissing(responses, "404", "No such resource, or a record the request names does not exist (NOT_FOUND)");
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "415", "The body is not sent as JSON (UNSUPPORTED_MEDIA_TYPE)");
        }
        addIfMissing(responses, "503", "Starting or the database is away; retry after Retry-After "
                + "(STARTING, SIGNING_KEYS_UNAVAILABLE, DATABASE_UNAVAILABLE)");
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status)) {
                describeAsProblem(response, status);
            }
        });
    }

    /**
     * The problems an operation declares with {@code @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT
     * (why), ORDER_CLOSED; 428: VERSION_REQUIRED")}: one response per status, its codes the only allowed values.
     * (An {@code @APIResponse} would do too, but makes SmallRye drop the success response it derives from the
     * method's return type.)
     */
    private static void declaredProblems(Operation operation) {
        Object declared = operation.getExtensions() == null ? null : operation.getExtensions().get(PROBLEMS_EXTENSION);
        if (declared == null) {
            return;
        }
        operation.removeExtension(PROBLEMS_EXTENSION);
        for (String part : declared.toString().split(";(?=\\s*\\d{3}\\s*:)")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(PROBLEMS_EXTENSION + " of " + operation.getOperationId()
                        + ": expected 'status: CODE, CODE; status: CODE', got '" + declared + "'");
            }
            String status = part.substring(0, colon).strip();
            String description = part.substring(colon + 1).strip();
            APIResponse existing = operation.getResponses().getAPIResponse(status);
            if (existing == null) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            } else {
                existing.setDescription(existing.getDescription() == null ? description
                        : existing.getDescription() + "; " + description);
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /**
     * A response the operation documents itself names its codes in its description; these become the enum of
     * {@code code}. A generic one (codes vary by rule) keeps {@code code} open.
     */
    private static void describeAsProblem(APIResponse response, String status) {
        Set<String> codes = codesIn(response.getDescription());
        Schema schema;
        if (codes.isEmpty() || isGeneric(response.getDescription())) {
            schema = OASFactory.createSchema().ref(PROBLEM_REF);
        } else {
            // A copy rather than allOf: validators that refuse undocumented properties mishandle allOf.
            schema = problemSchema();
            schema.getProperties().get("code").setPattern(null);
            schema.getProperties().get("code").setEnumeration(new ArrayList<>(codes));
        }
        Content content = OASFactory.createContent();
        Schema documented = existingSchema(response);
        MediaType media = OASFactory.createMediaType().schema(documented != null ? documented : schema);
        content.addMediaType(PROBLEM_MEDIA_TYPE, media);
        response.setContent(content);
    }

    private static Schema existingSchema(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return null;
        }
        MediaType problem = response.getContent().getMediaTypes().get(PROBLEM_MEDIA_TYPE);
        return problem == null ? null : problem.getSchema();
    }

    private static boolean isGeneric(String description) {
        return description != null && description.contains("a code of this service");
    }

    static Set<String> codesIn(String description) {
        Set<String> codes = new LinkedHashSet<>();
        if (description == null) {
            return codes;
        }
        Matcher matcher = CODE.matcher(description);
        while (matcher.find()) {
            codes.add(matcher.group());
        }
        return codes;
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .description("RFC 9457 problem details with the suite's stable machine code; extra members "
                        + "(field, errors, current_version, ...) depend on the code")
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[A-Z][A-Z0-9_]*$"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .required(List.of("type", "title", "status", "detail", "code"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static void markOptionalPropertiesNullable(Schema schema, Map<String, Schema> schemas, boolean objects) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> entry : Map.copyOf(schema.getProperties()).entrySet()) {
            String name = entry.getKey();
            Schema property = entry.getValue();
            if (!required.contains(name) && property != null) {
                if (property.getRef() != null) {
                    // A date, an enum or an object by reference: inline a copy, which can say that null is allowed
                    // too (OpenAPI 3.0 ignores "nullable" beside a $ref).
                    Schema target = schemas.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
                    if (target == null || target.getType() == null
                            || target.getType().contains(Schema.SchemaType.OBJECT) != objects) {
                        continue;
                    }
                    property = inlineCopy(target, property);
                    schema.addProperty(name, property);
                }
                if (property.getType() != null && !property.getType().isEmpty()
                        && !property.getType().contains(Schema.SchemaType.NULL)) {
                    property.addType(Schema.SchemaType.NULL);
                    if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                        List<Object> values = new ArrayList<>(property.getEnumeration());
                        values.add(null);
                        property.setEnumeration(values);
                    }
                }
            }
        }
    }

    private static Schema inlineCopy(Schema target, Schema reference) {
        Schema copy = OASFactory.createSchema().type(new ArrayList<>(target.getType()));
        copy.setFormat(target.getFormat());
        copy.setPattern(target.getPattern());
        copy.setExamples(target.getExamples());
        copy.setDescription(reference.getDescription() != null ? reference.getDescription() : target.getDescription());
        if (target.getEnumeration() != null) {
            copy.setEnumeration(new ArrayList<>(target.getEnumeration()));
        }
        if (target.getProperties() != null) {
            copy.setProperties(new java.util.LinkedHashMap<>(target.getProperties()));
        }
        if (target.getRequired() != null) {
            copy.setRequired(new ArrayList<>(target.getRequired()));
        }
        copy.setAdditionalPropertiesBoolean(target.getAdditionalPropertiesBoolean());
        copy.setAdditionalPropertiesSchema(target.getAdditionalPropertiesSchema());
        return copy;
    }
}
