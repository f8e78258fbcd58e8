package com.misty.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the five services: its module (where its runnable jar is built) and its port's distance from the
 * gateway's (8080 by default, so auth-service is 8081 ... order-service 8084).
 */
record ServiceSpec(String module, int portOffset, String routeVariable) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("auth-service", 1, "MISTY_GATEWAY_ROUTES_AUTH"),
            new ServiceSpec("inventory-service", 2, "MISTY_GATEWAY_ROUTES_INVENTORY"),
            new ServiceSpec("payroll-service", 3, "MISTY_GATEWAY_ROUTES_PAYROLL"),
            new ServiceSpec("order-service", 4, "MISTY_GATEWAY_ROUTES_ORDERS"),
            new ServiceSpec("gateway", 0, null));

    static ServiceSpec named(String module) {
        return ALL.stream().filter(s -> s.module.equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + module));
    }

    int port(int gatewayPort) {
        return gatewayPort + portOffset;
    }

    String baseUrl(int gatewayPort) {
        return "http://127.0.0.1:" + port(gatewayPort);
    }

    Path runnableJar(Path home) {
        return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String readinessUrl(int gatewayPort) {
        return baseUrl(gatewayPort) + "/q/health/ready";
    }
}
