package com.misty.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One OpenAPI document of the whole suite from the services' own documents: every path of every service (each owns
 * its prefix, so paths never collide), their tags, and their component schemas and security schemes. A schema
 * name two services use for different schemas is prefixed with the service's name in the second one (and its
 * references rewritten); an identical schema is kept once.
 */
public final class CombinedApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_REF = "#/components/schemas/";

    private CombinedApiDocument() {
    }

    /** @param documents per service name, its {@code /q/openapi?format=json}; a missing one is left out */
    public static ObjectNode combine(Map<String, JsonNode> documents, String version) {
        ObjectNode combined = JSON.createObjectNode();
        combined.put("openapi", "3.0.3");
        ObjectNode info = combined.putObject("info");
        info.put("title", "Misty Manufacturing suite API (through the gateway)");
        info.put("version", version);
        info.put("description", "Every operation of every service, as the gateway serves it under /api. "
                + "Sign in with POST /api/auth/login, then Authorize with the access token.");
        ObjectNode paths = combined.putObject("paths");
        ArrayNode tags = combined.putArray("tags");
        ObjectNode components = combined.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        Map<String, String> tagNames = new LinkedHashMap<>();

        documents.forEach((service, document) -> {
            if (document == null || !document.isObject()) {
                return;
            }
            ObjectNode copy = document.deepCopy();
            Map<String, String> renamed = new LinkedHashMap<>();
            copy.path("components").path("schemas").fields().forEachRemaining(entry -> {
                JsonNode existing = schemas.get(entry.getKey());
                if (existing != null && !existing.equals(entry.getValue())) {
                    renamed.put(entry.getKey(), service + "." + entry.getKey());
                }
            });
            if (!renamed.isEmpty()) {
                rewriteRefs(copy, renamed);
            }
            copy.path("components").path("schemas").fields().forEachRemaining(entry ->
                    schemas.set(renamed.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue()));
            copy.path("components").path("securitySchemes").fields().forEachRemaining(entry ->
                    securitySchemes.set(entry.getKey(), entry.getValue()));
            copy.path("paths").fields().forEachRemaining(entry -> paths.set(entry.getKey(), entry.getValue()));
            for (JsonNode tag : copy.path("tags")) {
                tagNames.putIfAbsent(tag.path("name").asText(), service);
                if (tagNames.get(tag.path("name").asText()).equals(service)) {
                    tags.add(tag);
                }
            }
        });
        return combined;
    }

    /** Every (method, path) of a document, e.g. {@code "GET /api/orders/{id}"}. */
    public static java.util.Set<String> operations(JsonNode document) {
        java.util.Set<String> operations = new java.util.TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renamed.containsKey(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + renamed.get(name)));
                }
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                rewriteRefs(children.next(), renamed);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renamed));
        }
    }
}
