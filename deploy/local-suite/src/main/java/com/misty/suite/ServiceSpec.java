package com.misty.suite;

import java.nio.file.Path;
import java.util.List;

/** One of the five services: its module (where its runnable jar is built) and its port. */
record ServiceSpec(String module, int port) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("auth-service", 8081),
            new ServiceSpec("inventory-service", 8082),
            new ServiceSpec("payroll-service", 8083),
            new ServiceSpec("order-service", 8084),
            new ServiceSpec("gateway", 8080));

    Path runnableJar(Path home) {
        return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String readinessUrl() {
        return "http://127.0.0.1:" + port + "/q/health/ready";
    }
}
