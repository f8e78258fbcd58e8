package com.misty.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process of one of the five services: its module (where its runnable jar is built), which replica it is, and
 * its port's distance from the first gateway's (8080 by default). Replica 1 is named after its module and takes
 * the ports of a one-replica suite (auth-service 8081 ... order-service 8084); replica {@code k} is named
 * {@code <module>-k} and takes the same layout five ports further per replica (replica 2: gateway 8085,
 * auth-service 8086 ... order-service 8089).
 */
record ServiceSpec(String module, int portOffset, String routeVariable, int replica) {

    /** Ports of one replica of the whole suite: the gateway's and the four services' after it. */
    static final int PORTS_PER_REPLICA = 5;
    /** Most replicas of each service the launcher starts (a test of scale-out, not a production cluster). */
    static final int MAX_REPLICAS = 4;

    /** Replica 1 of each service, the gateway last (it is started with the others, but routes to them). */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("auth-service", 1, "MISTY_GATEWAY_ROUTES_AUTH", 1),
            new ServiceSpec("inventory-service", 2, "MISTY_GATEWAY_ROUTES_INVENTORY", 1),
            new ServiceSpec("payroll-service", 3, "MISTY_GATEWAY_ROUTES_PAYROLL", 1),
            new ServiceSpec("order-service", 4, "MISTY_GATEWAY_ROUTES_ORDERS", 1),
            new ServiceSpec("gateway", 0, null, 1));

    private static final Pattern REPLICA_NAME = Pattern.compile("(.+)-(\\d+)");

    /** Every process of a suite with {@code replicas} replicas of each service, replica by replica. */
    static List<ServiceSpec> instances(int replicas) {
        List<ServiceSpec> instances = new ArrayList<>();
        for (int replica = 1; replica <= replicas; replica++) {
            for (ServiceSpec service : ALL) {
                instances.add(service.replica(replica));
            }
        }
        return instances;
    }

    /** A process by its name: a module ({@code inventory-service}, replica 1) or {@code <module>-<replica>}. */
    static ServiceSpec named(String name) {
        Matcher replicaName = REPLICA_NAME.matcher(name);
        if (replicaName.matches() && isModule(replicaName.group(1))) {
            return module(replicaName.group(1)).replica(Integer.parseInt(replicaName.group(2)));
        }
        return module(name);
    }

    /** Whether {@code name} names a service process (not the broker or the stand-in). */
    static boolean isService(String name) {
        Matcher replicaName = REPLICA_NAME.matcher(name);
        return isModule(name) || replicaName.matches() && isModule(replicaName.group(1));
    }

    private static boolean isModule(String module) {
        return ALL.stream().anyMatch(s -> s.module.equals(module));
    }

    private static ServiceSpec module(String module) {
        return ALL.stream().filter(s -> s.module.equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + module));
    }

    ServiceSpec replica(int replica) {
        if (replica < 1 || replica > MAX_REPLICAS) {
            throw new IllegalArgumentException("no replica " + replica + " of " + module);
        }
        return new ServiceSpec(module, portOffset, routeVariable, replica);
    }

    /** The process's name: its module for replica 1, {@code <module>-<replica>} for the others. */
    String name() {
        return replica == 1 ? module : module + "-" + replica;
    }

    boolean isGateway() {
        return routeVariable == null;
    }

    int port(int gatewayPort) {
        return gatewayPort + (replica - 1) * PORTS_PER_REPLICA + portOffset;
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
