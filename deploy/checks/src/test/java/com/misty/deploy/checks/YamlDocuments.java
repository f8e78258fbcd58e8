package com.misty.deploy.checks;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** YAML files as plain maps and lists (anchors and merge keys resolved), plus null-safe navigation. */
final class YamlDocuments {

    private YamlDocuments() {
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document != null) {
                documents.add(asMap(document));
            }
        }
        return documents;
    }

    static List<Map<String, Object>> loadAll(Path file) {
        return loadAll(RepositoryLayout.read(file));
    }

    static Map<String, Object> load(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " should hold one YAML document, has " + documents.size());
        }
        return documents.get(0);
    }

    /** The value at a path of map keys, or null where any step is missing. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object node) {
        return node instanceof List<?> ? (List<Object>) node : List.of();
    }

    static List<Map<String, Object>> maps(Object node) {
        return asList(node).stream().map(YamlDocuments::asMap).toList();
    }

    static String string(Object node) {
        return node == null ? null : Objects.toString(node);
    }
}
