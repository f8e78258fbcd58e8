package com.misty.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/** Stub services for the benchmark: production timings, and a per-user limit high enough not to throttle it. */
public class BenchmarkStubs implements QuarkusTestResourceLifecycleManager {

    public static final String DIRECT_URL = "misty.bench.direct-url";

    private StubServices stubs;

    @Override
    public Map<String, String> start() {
        stubs = StubServices.start();
        System.setProperty(DIRECT_URL, stubs.url("inventory"));
        Map<String, String> config = new HashMap<>();
        for (String service : StubServices.SERVICES) {
            config.put("misty.gateway.routes." + service, stubs.url(service));
        }
        config.put("misty.gateway.throttle.user-burst", "100000000");
        config.put("misty.gateway.throttle.user-per-second", "100000000");
        // bench.access-log=WARN measures the proxy without the per-request access line.
        config.put("quarkus.log.category.\"com.misty.gateway.access\".level", System.getProperty("bench.access-log", "INFO"));
        return config;
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.close();
        }
    }
}
