package com.misty.suite.importer;

import com.misty.suite.LaunchException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The operator's description of the original database ({@code deploy/import/original-mapping.properties}): which
 * collection holds what, field renames per collection, and the mappings each service's import takes (roles, the hash
 * field, balance fields, statuses, units). Each service applies its own rules; this only tells it the names.
 */
public final class ImportMapping {

    /** The kinds of record, in the order they are imported (payroll before users: see the root README). */
    public static final List<String> KINDS = List.of("employee_profiles", "leave_requests", "timesheets", "users",
            "products", "stock", "clients", "orders");

    private final Properties properties;

    private ImportMapping(Properties properties) {
        this.properties = properties;
    }

    public static ImportMapping defaults() {
        return new ImportMapping(new Properties());
    }

    public static ImportMapping read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new LaunchException("cannot read the mapping file " + file + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            if (!(key.startsWith("collection.") || key.startsWith("rename.") || key.equals("users.hash_field")
                    || key.startsWith("users.role.") || key.startsWith("payroll.balance_field.")
                    || key.startsWith("orders.status.") || key.startsWith("stock.unit."))) {
                throw new LaunchException("the mapping file " + file + " has an unknown key '" + key + "'");
            }
        }
        return new ImportMapping(properties);
    }

    /** The original's collection holding records of {@code kind} (the default is the kind's own name; stock's is raw_substrate_stock). */
    public String collection(String kind) {
        return properties.getProperty("collection." + kind, kind.equals("stock") ? "raw_substrate_stock" : kind).strip();
    }

    /** original field → field the suite reads, for records of {@code kind}. */
    public Map<String, String> renames(String kind) {
        return prefixed("rename." + kind + ".");
    }

    public String hashField() {
        return properties.getProperty("users.hash_field", "password_hash").strip();
    }

    public Map<String, String> roleMap() {
        return prefixed("users.role.");
    }

    public Map<String, String> balanceFields() {
        return prefixed("payroll.balance_field.");
    }

    public Map<String, String> statusMap() {
        return prefixed("orders.status.");
    }

    public Map<String, String> unitMap() {
        return prefixed("stock.unit.");
    }

    private Map<String, String> prefixed(String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted()
                .forEach(k -> values.put(k.substring(prefix.length()), properties.getProperty(k).strip()));
        return values;
    }
}
