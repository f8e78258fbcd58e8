package com.misty.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/** Stub services for the benchmark: production timings, and a per-user limit high enough not to throttle it. */
public class BenchmarkStubs implements QuarkusTestResourceLifecycleManager {

    public static final String DIRECT_URL = "misty.bench.direct-url";

    private static volatile StubServices running;
    private StubServices stubs;

    /** The stubs of the benchmark that is running. */
    public static StubServices running() {
        return running;
    }

    @Override
    public Map<String, String> start() {
        stubs = StubServices.start();
        running = stubs;
        System.setProperty(DIRECT_URL, stubs.url("inventory"));
        Map<String, String> config = new HashMap<>();
        for (String service : StubServices.SERVICES) {
            config.put("misty.gateway.routes." + service, stubs.url(service));
        }
        config.put("misty.gateway.throttle.user-burst", "100000000");
        config.put("misty.gateway.throttle.user-per-second", "100000000");
        // bench.access-log=WARN measures the proxy without the per-request access line.
        config.put("quarkus.log.category.\"com.misty.gateway.access\".level", System.getProperty("bench.access-log", "INFO"));
        if (!"console".equals(System.getProperty("bench.log", "file"))) {
            // As in production, where stdout goes to the container runtime's log file: here the log goes to a file
            // (asynchronously, as the console does), not through surefire's pipe to Maven, which costs far more
            // per line than any log collector. bench.log=console measures through the pipe.
            config.put("quarkus.log.console.enabled", "false");
            config.put("quarkus.log.file.enabled", "true");
            config.put("quarkus.log.file.path", "target/benchmark-gateway.log");
            config.put("quarkus.log.file.async", "true");
            // The same format the console would write (plain text unless MISTY_JSON_LOGS=true).
            config.put("quarkus.log.file.json.enabled", "${MISTY_JSON_LOGS:false}");
        }
        // Experiments: -Dbench.config.<key>=<value> sets any configuration key of the gateway under test.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.config."))
                .forEach(name -> config.put(name.substring("bench.config.".length()), System.getProperty(name)));
        return config;
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.close();
        }
    }
}
