package com.misty.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The test infrastructure with a database of the test's own (init arg {@code database}; the stand-in lives in
 * memory, so it starts empty): for tests that seed documents directly and must neither see nor disturb other
 * tests' data.
 */
public class OwnDatabase implements QuarkusTestResourceLifecycleManager {

    private final MistyTestInfrastructure infrastructure = new MistyTestInfrastructure();
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("OwnDatabase needs the init arg 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        config.put("quarkus.mongodb.database", database);
        return config;
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }
}
