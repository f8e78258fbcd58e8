package com.misty.deploy.checks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.misty.deploy.checks.YamlDocuments.asList;
import static com.misty.deploy.checks.YamlDocuments.asMap;
import static com.misty.deploy.checks.YamlDocuments.at;
import static com.misty.deploy.checks.YamlDocuments.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** deploy/compose/docker-compose.yml: the NAS installation's invariants, on the file and as compose renders it. */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = RepositoryLayout.compose().resolve("docker-compose.yml");
    private static final Path DEV_FILE = RepositoryLayout.compose().resolve("docker-compose.dev.yml");
    private static final Set<String> INFRASTRUCTURE = Set.of("mongodb", "kafka", "backup");
    private static final List<String> DATA_SERVICES =
            List.of("auth-service", "inventory-service", "payroll-service", "order-service");

    private final Map<String, Object> compose = YamlDocuments.load(COMPOSE_FILE);
    private final Map<String, Object> services = asMap(compose.get("services"));

    @Test
    void runsTheFiveServicesMongoDbKafkaAndTheBackupAndNothingElse() {
        Set<String> expected = new HashSet<>(RepositoryLayout.SERVICE_MODULES);
        expected.addAll(INFRASTRUCTURE);

        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        assertOnlyGatewayPublishes(services);
    }

    @Test
    void imagesAreNamedAfterTheirModulesWithTheProjectVersionAsDefaultTag() {
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            assertThat(string(at(services, module, "image"))).as(module)
                    .isEqualTo("misty/" + module + ":${MISTY_VERSION:-" + RepositoryLayout.projectVersion() + "}");
        }
    }

    @Test
    void memoryLimitsFitANasWithTwoGibibytes() {
        assertMemoryLimitsFit(services);
    }

    @Test
    void theServicesHeapStaysAtMostHalfTheirLimit() {
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            String options = string(at(services, module, "environment", "JAVA_OPTS_APPEND"));
            assertThat(options).as(module).doesNotContain("-Xmx");
            var percentage = java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
            assertThat(percentage.find()).as(module + " MaxRAMPercentage").isTrue();
            assertThat(Integer.parseInt(percentage.group(1))).as(module).isBetween(25, 50);
        }
    }

    @Test
    void everyServiceRestartsAndStartsOnlyOnceWhatItNeedsIsHealthy() {
        for (var entry : services.entrySet()) {
            String name = entry.getKey();
            assertThat(string(at(entry.getValue(), "restart"))).as(name + " restart")
                    .isIn("unless-stopped", "always");
            for (var dependency : asMap(at(entry.getValue(), "depends_on")).entrySet()) {
                assertThat(string(at(dependency.getValue(), "condition"))).as(name + " -> " + dependency.getKey())
                        .isEqualTo("service_healthy");
                assertThat(hasHealthCheck(dependency.getKey())).as(dependency.getKey() + " has a health check").isTrue();
            }
        }
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            assertThat(asMap(at(services, module, "depends_on"))).as(module).containsKey("kafka");
        }
        for (String module : DATA_SERVICES) {
            assertThat(asMap(at(services, module, "depends_on"))).as(module).containsKey("mongodb");
        }
    }

    @Test
    void mongoDbIsASingleNodeReplicaSetThatInitiatesItselfAndKeepsItsData() {
        Object mongodb = services.get("mongodb");

        assertThat(string(at(mongodb, "image"))).matches("mongo:\\$\\{MISTY_MONGODB_VERSION:-[78]\\.\\d+}");
        assertThat(asList(at(mongodb, "command"))).contains("--replSet");
        assertThat(asList(at(mongodb, "volumes")).toString()).contains(":/data/db");
        String initScript = RepositoryLayout.read(RepositoryLayout.compose().resolve("mongodb/init-replica-set.js"));
        assertThat(initScript).contains("rs.initiate(").contains("host: \"mongodb:27017\"").contains("isWritablePrimary");
        assertThat(asList(at(mongodb, "healthcheck", "test")).toString()).contains("init-replica-set.js");
    }

    @Test
    void kafkaIsASingleKraftNodeThatKeepsItsLog() {
        Object kafka = services.get("kafka");
        Map<String, Object> environment = asMap(at(kafka, "environment"));

        assertThat(string(at(kafka, "image"))).startsWith("apache/kafka:");
        assertThat(string(environment.get("KAFKA_PROCESS_ROLES"))).isEqualTo("broker,controller");
        assertThat(string(environment.get("KAFKA_ADVERTISED_LISTENERS"))).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(environment).containsKeys("CLUSTER_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_HEAP_OPTS");
        assertThat(asList(at(kafka, "volumes")).toString()).contains(":/var/lib/kafka/data");
        assertThat(at(kafka, "healthcheck", "test")).isNotNull();
    }

    @Test
    void servicesFindMongoDbKafkaAndTheSigningKeysByTheirComposeNames() {
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            Map<String, Object> environment = asMap(at(services, module, "environment"));
            assertThat(string(environment.get("KAFKA_BOOTSTRAP_SERVERS"))).as(module).isEqualTo("kafka:9092");
            assertThat(string(environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))).as(module)
                    .isEqualTo("http://auth-service:8081/api/auth/jwks");
        }
        for (String module : DATA_SERVICES) {
            Map<String, Object> environment = asMap(at(services, module, "environment"));
            assertThat(string(environment.get("QUARKUS_MONGODB_CONNECTION_STRING"))).as(module)
                    .startsWith("mongodb://mongodb:27017/").contains("replicaSet=rs0");
            assertThat(Integer.parseInt(string(environment.get("QUARKUS_MONGODB_MAX_POOL_SIZE")))).as(module)
                    .isBetween(1, 20);
        }
        Map<String, Object> gateway = asMap(at(services, "gateway", "environment"));
        assertThat(gateway).containsEntry("MISTY_GATEWAY_ROUTES_AUTH", "http://auth-service:8081")
                .containsEntry("MISTY_GATEWAY_ROUTES_INVENTORY", "http://inventory-service:8082")
                .containsEntry("MISTY_GATEWAY_ROUTES_PAYROLL", "http://payroll-service:8083")
                .containsEntry("MISTY_GATEWAY_ROUTES_ORDERS", "http://order-service:8084");
    }

    @Test
    void theGatewayGetsEveryRouteItsConfigurationHas() {
        Map<String, Object> gateway = asMap(at(services, "gateway", "environment"));

        assertThat(RepositoryLayout.gatewayRouteVariables()).isNotEmpty();
        assertThat(gateway).containsKeys(RepositoryLayout.gatewayRouteVariables().toArray(String[]::new));
    }

    @Test
    void authSecretsComeFromFilesAndTheEnvFileNeverFromThisFile() {
        Map<String, Object> environment = asMap(at(services, "auth-service", "environment"));

        assertThat(string(environment.get("MISTY_JWT_SIGNING_KEY_FILE"))).startsWith("/run/secrets/");
        assertThat(string(environment.get("MISTY_ADMIN_BOOTSTRAP_PASSWORD"))).startsWith("${MISTY_ADMIN_BOOTSTRAP_PASSWORD:?");
        assertThat(asList(at(services, "auth-service", "secrets"))).contains("jwt_signing_key");
        assertThat(string(at(compose, "secrets", "jwt_signing_key", "file"))).endsWith("/jwt-signing-key.pem");

        String example = RepositoryLayout.read(RepositoryLayout.compose().resolve(".env.example"));
        assertThat(example).containsPattern("(?m)^MISTY_ADMIN_BOOTSTRAP_PASSWORD=$");
        assertThat(RepositoryLayout.read(RepositoryLayout.compose().resolve(".gitignore")))
                .containsPattern("(?m)^\\.env$").containsPattern("(?m)^secrets/$").containsPattern("(?m)^backups/$");
    }

    @Test
    void backupDumpsTheReplicaSetWithRetentionAndReportsItsFreshness() {
        Object backup = services.get("backup");
        Map<String, Object> environment = asMap(at(backup, "environment"));

        assertThat(string(environment.get("MONGODB_URI"))).startsWith("mongodb://backup@mongodb:27017/");
        assertThat(string(environment.get("MONGODB_PASSWORD_FILE"))).startsWith("/run/secrets/");
        assertThat(string(environment.get("BACKUP_RETENTION_DAYS"))).isNotBlank();
        assertThat(string(environment.get("BACKUP_RETENTION_COUNT"))).isNotBlank();
        assertThat(environment).containsKey("BACKUP_COPY_DIR");
        assertThat(asList(at(backup, "healthcheck", "test")).toString()).contains("misty-backup-check.sh");
        assertThat(MemorySize.bytes(at(backup, "mem_limit"))).as("backup mem_limit").isGreaterThanOrEqualTo(192L * 1024 * 1024);
        assertThat(asList(at(backup, "entrypoint")).toString()).contains("misty-backup-loop.sh");
        assertThat(string(at(backup, "image"))).isEqualTo(string(at(services, "mongodb", "image")));
    }

    @Test
    void theDevelopmentFilePublishesOnlyOnLoopback() {
        Map<String, Object> devServices = asMap(YamlDocuments.load(DEV_FILE).get("services"));

        for (var entry : devServices.entrySet()) {
            for (Object port : asList(at(entry.getValue(), "ports"))) {
                assertThat(string(port)).as(entry.getKey()).startsWith("127.0.0.1:");
            }
        }
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            assertThat(string(at(devServices, module, "build", "dockerfile"))).as(module)
                    .isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(string(at(devServices, module, "build", "context"))).as(module).isEqualTo("../../" + module);
        }
    }

    @Test
    void renderedByDockerComposeTheInvariantsStillHold() {
        ExternalTool dockerCompose = new ExternalTool("docker-compose");
        assumeTrue(dockerCompose.installed(), "docker-compose is not installed: only the file itself was checked");

        ExternalTool.Result result = dockerCompose.run(RepositoryLayout.compose(),
                Map.of("MISTY_ADMIN_BOOTSTRAP_PASSWORD", "rendering-only"),
                List.of("--env-file", ".env.example", "-f", "docker-compose.yml", "config"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Object> rendered = asMap(YamlDocuments.loadAll(result.stdout()).get(0).get("services"));
        assertThat(rendered.keySet()).containsExactlyInAnyOrderElementsOf(services.keySet());
        assertOnlyGatewayPublishes(rendered);
        assertMemoryLimitsFit(rendered);
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            assertThat(string(at(rendered, module, "image"))).isEqualTo("misty/" + module + ":" + RepositoryLayout.projectVersion());
        }
    }

    @Test
    void renderedWithTheDevelopmentFileOnlyTheGatewayListensBeyondLoopback() {
        ExternalTool dockerCompose = new ExternalTool("docker-compose");
        assumeTrue(dockerCompose.installed(), "docker-compose is not installed: only the file itself was checked");

        ExternalTool.Result result = dockerCompose.run(RepositoryLayout.compose(),
                Map.of("MISTY_ADMIN_BOOTSTRAP_PASSWORD", "rendering-only"),
                List.of("--env-file", ".env.example", "-f", "docker-compose.yml", "-f", "docker-compose.dev.yml", "config"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Object> rendered = asMap(YamlDocuments.loadAll(result.stdout()).get(0).get("services"));
        for (var entry : rendered.entrySet()) {
            if (!entry.getKey().equals("gateway")) {
                for (Object port : asList(at(entry.getValue(), "ports"))) {
                    assertThat(string(port)).as(entry.getKey()).startsWith("127.0.0.1:");
                }
            }
        }
    }

    @Test
    void withoutTheAdminPasswordDockerComposeRefusesToRender() {
        ExternalTool dockerCompose = new ExternalTool("docker-compose");
        assumeTrue(dockerCompose.installed(), "docker-compose is not installed");

        ExternalTool.Result result = dockerCompose.run(RepositoryLayout.compose(), Map.of("MISTY_ADMIN_BOOTSTRAP_PASSWORD", ""),
                List.of("--env-file", ".env.example", "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("MISTY_ADMIN_BOOTSTRAP_PASSWORD");
    }

    private boolean hasHealthCheck(String service) {
        return at(services, service, "healthcheck") != null
                || (RepositoryLayout.SERVICE_MODULES.contains(service)
                && RepositoryLayout.read(RepositoryLayout.dockerfile(service)).contains("\nHEALTHCHECK "));
    }

    private static void assertOnlyGatewayPublishes(Map<String, Object> services) {
        List<String> publishing = new ArrayList<>();
        for (var entry : services.entrySet()) {
            if (!asList(at(entry.getValue(), "ports")).isEmpty() || at(entry.getValue(), "network_mode") != null) {
                publishing.add(entry.getKey());
            }
        }
        assertThat(publishing).containsExactly("gateway");
        assertThat(asList(at(services, "gateway", "ports"))).hasSize(1);
        assertThat(asList(at(services, "gateway", "ports")).toString()).contains(":8080");
    }

    private static void assertMemoryLimitsFit(Map<String, Object> services) {
        long total = 0;
        for (var entry : services.entrySet()) {
            Object limit = at(entry.getValue(), "mem_limit");
            assertThat(limit).as(entry.getKey() + " mem_limit").isNotNull();
            total += MemorySize.bytes(limit);
        }
        assertThat(total).as("sum of mem_limit in bytes").isLessThanOrEqualTo(RepositoryLayout.TWO_GIB);
    }
}
