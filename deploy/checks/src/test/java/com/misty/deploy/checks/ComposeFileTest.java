package com.misty.deploy.checks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    private static final Set<String> INFRASTRUCTURE = Set.of("mongodb", "mongodb-init", "kafka", "backup", "caddy");
    /** One-shot containers: they exit before the services start, so they do not count towards the memory budget. */
    private static final Set<String> ONE_SHOT = Set.of("mongodb-init");
    private static final List<String> DATA_SERVICES =
            List.of("auth-service", "inventory-service", "payroll-service", "order-service");
    /** Profiles a compose user can switch on; the checks render the file with each. */
    private static final List<String> PROFILES = List.of("tls");
    private static final String SECRETS_DIR = "${MISTY_SECRETS_DIR:-./secrets}/";
    private static final String RELEASE_TAG = "0123456789ab";

    private final Map<String, Object> compose = YamlDocuments.load(COMPOSE_FILE);
    private final Map<String, Object> services = asMap(compose.get("services"));

    @Test
    void runsTheFiveServicesMongoDbKafkaTheBackupAndTheTlsFrontAndNothingElse() {
        Set<String> expected = new HashSet<>(RepositoryLayout.SERVICE_MODULES);
        expected.addAll(INFRASTRUCTURE);

        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(asList(at(services, "caddy", "profiles"))).containsExactly("tls");
    }

    @Test
    void onlyTheGatewayPublishesAPortAndOnLoopbackByDefault() {
        assertOnlyGatewayPublishes(services);
        assertThat(string(asList(at(services, "gateway", "ports")).get(0))).startsWith("${MISTY_GATEWAY_BIND:-127.0.0.1}:");
    }

    @Test
    void theGatewayIsNotOnMongoDbsNetworkAndMongoDbsNetworksHaveNoRouteOut() {
        assertGatewayApartFromMongoDb(services);
        for (Object network : asList(at(services, "mongodb", "networks"))) {
            assertThat(at(compose, "networks", string(network), "internal")).as("network " + network).isEqualTo(true);
        }
        assertThat(asList(at(services, "kafka", "networks"))).doesNotContain("frontend");
    }

    @Test
    void imagesAreNamedAfterTheirModulesAndNeedAnExplicitReleaseTag() {
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            assertThat(string(at(services, module, "image"))).as(module)
                    .startsWith("misty/" + module + ":${MISTY_VERSION:?");
        }
        assertThat(RepositoryLayout.read(RepositoryLayout.compose().resolve(".env.example")))
                .containsPattern("(?m)^MISTY_VERSION=$");
    }

    @Test
    void memoryLimitsFitTheTwoGibibyteBudget() {
        assertMemoryLimitsFit(services);
    }

    @Test
    void theServicesJvmStaysInsideItsLimit() {
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            String options = string(at(services, module, "environment", "JAVA_OPTS_APPEND"));
            assertThat(options).as(module).doesNotContain("-Xmx")
                    .containsPattern("-XX:MaxMetaspaceSize=\\d+m").containsPattern("-XX:MaxDirectMemorySize=\\d+m");
            var percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
            assertThat(percentage.find()).as(module + " MaxRAMPercentage").isTrue();
            assertThat(Integer.parseInt(percentage.group(1))).as(module).isBetween(25, 50);
        }
        assertThat(string(at(services, "kafka", "environment", "KAFKA_OPTS")))
                .contains("-XX:MaxMetaspaceSize=").contains("-XX:MaxDirectMemorySize=");
    }

    @Test
    void everyContainerIsHardened() {
        for (var entry : services.entrySet()) {
            String name = entry.getKey();
            assertThat(asList(at(entry.getValue(), "cap_drop"))).as(name + " cap_drop").containsExactly("ALL");
            assertThat(asList(at(entry.getValue(), "security_opt"))).as(name + " security_opt")
                    .contains("no-new-privileges:true");
            assertThat(asList(at(entry.getValue(), "cap_add"))).as(name + " cap_add").isSubsetOf("NET_BIND_SERVICE");
            if (!name.equals("kafka")) {
                // apache/kafka writes its generated server.properties under /opt/kafka at start: not read-only.
                assertThat(at(entry.getValue(), "read_only")).as(name + " read_only").isEqualTo(true);
                assertThat(asList(at(entry.getValue(), "tmpfs")).toString()).as(name + " tmpfs").contains("/tmp");
            }
        }
        assertThat(string(at(services, "mongodb", "user"))).isEqualTo("999:999");
    }

    @Test
    void mongoDbAndKafkaGetTimeToShutDownCleanlyAndCheapHealthChecks() {
        for (String name : List.of("mongodb", "kafka")) {
            assertThat(string(at(services, name, "stop_grace_period"))).as(name).matches("[1-9]\\d*s");
            assertThat(Integer.parseInt(string(at(services, name, "stop_grace_period")).replace("s", "")))
                    .as(name).isGreaterThanOrEqualTo(30);
            String check = asList(at(services, name, "healthcheck", "test")).toString();
            assertThat(check).as(name + " health check is a TCP connect").contains("/dev/tcp/127.0.0.1/")
                    .doesNotContain("kafka-topics").doesNotContain("mongosh");
        }
    }

    @Test
    void everyServiceRestartsAndStartsOnlyOnceWhatItNeedsIsReady() {
        for (var entry : services.entrySet()) {
            String name = entry.getKey();
            assertThat(string(at(entry.getValue(), "restart"))).as(name + " restart")
                    .isIn(ONE_SHOT.contains(name) ? List.of("no") : List.of("unless-stopped", "always"));
            for (var dependency : asMap(at(entry.getValue(), "depends_on")).entrySet()) {
                String condition = string(at(dependency.getValue(), "condition"));
                if (ONE_SHOT.contains(dependency.getKey())) {
                    assertThat(condition).as(name + " -> " + dependency.getKey()).isEqualTo("service_completed_successfully");
                } else {
                    assertThat(condition).as(name + " -> " + dependency.getKey()).isEqualTo("service_healthy");
                    assertThat(hasHealthCheck(dependency.getKey())).as(dependency.getKey() + " has a health check").isTrue();
                }
            }
        }
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            assertThat(asMap(at(services, module, "depends_on"))).as(module).containsKey("kafka");
        }
        for (String module : DATA_SERVICES) {
            assertThat(asMap(at(services, module, "depends_on"))).as(module).containsKey("mongodb-init");
        }
    }

    @Test
    void mongoDbIsASingleNodeReplicaSetWithAuthenticationThatKeepsItsData() {
        Object mongodb = services.get("mongodb");

        assertThat(string(at(mongodb, "image"))).matches("mongo:\\$\\{MISTY_MONGODB_VERSION:-[78]\\.\\d+}");
        List<Object> command = asList(at(mongodb, "command"));
        assertThat(command).contains("--replSet", "--keyFile");
        assertThat(string(command.get(command.indexOf("--keyFile") + 1))).startsWith("/run/secrets/");
        assertThat(string(at(mongodb, "environment", "MONGO_INITDB_ROOT_PASSWORD_FILE"))).startsWith("/run/secrets/");
        assertThat(asList(at(mongodb, "volumes")).toString()).contains(":/data/db");
        String init = RepositoryLayout.read(RepositoryLayout.compose().resolve("mongodb/init-mongodb.js"));
        assertThat(init).contains("replSetInitiate").contains("host: \"mongodb:27017\"").contains("isWritablePrimary")
                .contains("createUser").contains("readFileSync(\"/run/secrets/");
        assertThat(asList(at(services, "mongodb-init", "entrypoint")).toString()).contains("init-mongodb.js");
    }

    @Test
    void everyServiceHasItsOwnMongoDbUserAndDatabaseAndOnlyReadWriteOnIt() {
        String init = RepositoryLayout.read(RepositoryLayout.compose().resolve("mongodb/init-mongodb.js"));
        Pattern uri = Pattern.compile("mongodb://([a-z-]+):\\$\\{misty\\.mongodb\\.password}@mongodb:27017/([a-z]+)\\?(.*)");
        for (String module : DATA_SERVICES) {
            String database = RepositoryLayout.applicationProperties(module).getProperty("quarkus.mongodb.database").strip();
            String connection = unescaped(at(services, module, "environment", "QUARKUS_MONGODB_CONNECTION_STRING"));
            Matcher matcher = uri.matcher(connection);
            assertThat(matcher.matches()).as(module + " URI: " + connection).isTrue();
            assertThat(matcher.group(1)).as(module + " user").isEqualTo(module);
            assertThat(matcher.group(2)).as(module + " database").isEqualTo(database);
            assertThat(matcher.group(3)).contains("replicaSet=rs0").contains("authSource=admin");
            assertThat(init).as(module + " user in init-mongodb.js")
                    .contains("{ user: \"" + module + "\", roles: [{ role: \"readWrite\", db: \"" + database + "\" }] }");
        }
        assertThat(at(services, "gateway", "environment", "QUARKUS_MONGODB_CONNECTION_STRING")).isNull();
        assertThat(init).contains("{ user: \"backup\", roles: [{ role: \"backup\", db: \"admin\" }] }")
                .contains("{ user: \"restore\", roles: [{ role: \"restore\", db: \"admin\" }] }");
    }

    @Test
    void kafkaClientsMustAuthenticateWithSaslAndAreAuthorisedByAcls() {
        Map<String, Object> kafka = asMap(at(services, "kafka", "environment"));
        Map<String, String> protocols = new java.util.HashMap<>();
        for (String pair : string(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(",")) {
            protocols.put(pair.split(":")[0], pair.split(":")[1]);
        }
        for (String listener : string(kafka.get("KAFKA_LISTENERS")).split(",")) {
            String name = listener.substring(0, listener.indexOf("://"));
            String host = listener.substring(listener.indexOf("://") + 3, listener.lastIndexOf(':'));
            if (!host.equals("127.0.0.1")) {
                assertThat(protocols.get(name)).as("listener " + listener + " reachable from other containers").startsWith("SASL_");
            }
        }
        assertThat(string(kafka.get("KAFKA_ADVERTISED_LISTENERS"))).contains("SASL_PLAINTEXT://kafka:9092");
        assertThat(string(kafka.get("KAFKA_SASL_ENABLED_MECHANISMS"))).isEqualTo("SCRAM-SHA-512");
        // The apache/kafka image turns KAFKA_<NAME> into a property: "_" -> ".", "__" -> "_", "___" -> "-".
        Map<String, String> properties = new java.util.HashMap<>();
        for (var entry : kafka.entrySet()) {
            properties.put(kafkaImageProperty(entry.getKey()), string(entry.getValue()));
        }
        assertThat(properties.get("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config"))
                .as("the SCRAM listener's server-side JAAS entry").contains("ScramLoginModule required");
        assertThat(string(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME"))).endsWith("StandardAuthorizer");
        assertThat(string(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"))).isEqualTo("false");

        for (String module : RepositoryLayout.SERVICE_MODULES) {
            Map<String, Object> environment = asMap(at(services, module, "environment"));
            assertThat(string(environment.get("KAFKA_SECURITY_PROTOCOL"))).as(module).isEqualTo("SASL_PLAINTEXT");
            assertThat(string(environment.get("KAFKA_SASL_MECHANISM"))).as(module).isEqualTo("SCRAM-SHA-512");
            assertThat(unescaped(environment.get("KAFKA_SASL_JAAS_CONFIG"))).as(module)
                    .contains("ScramLoginModule required username=\"" + module + "\" password=\"${misty.kafka.password}\"");
        }

        String acls = RepositoryLayout.read(RepositoryLayout.compose().resolve("kafka/kafka-security.sh"));
        assertThat(acls).contains("--add-config-file").doesNotContain("--add-config \"SCRAM");
        assertThat(acls).contains("writes auth-service auth.events", "writes inventory-service inventory.events",
                "writes inventory-service inventory.stock-levels",
                "writes payroll-service payroll.events", "writes order-service orders.events");
        assertThat(acls).doesNotContainPattern("writes gateway");
        assertThat(Pattern.compile("(?m)^writes ").matcher(acls).results().count()).as("each service writes only its own topics").isEqualTo(5);
        assertThat(acls).contains("reads inventory-service orders.events", "reads order-service inventory.events",
                "reads gateway \"$topic\"");
    }

    @Test
    void servicesFindKafkaTheSigningKeysAndTheGatewayItsRoutes() {
        for (String module : RepositoryLayout.SERVICE_MODULES) {
            Map<String, Object> environment = asMap(at(services, module, "environment"));
            assertThat(string(environment.get("KAFKA_BOOTSTRAP_SERVERS"))).as(module).isEqualTo("kafka:9092");
            assertThat(string(environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))).as(module)
                    .isEqualTo("http://auth-service:8081/api/auth/jwks");
            assertThat(asList(at(services, module, "volumes"))).as(module + " secret file")
                    .contains(SECRETS_DIR + module + ".properties:/deployments/config/application.properties:ro");
        }
        for (String module : DATA_SERVICES) {
            assertThat(Integer.parseInt(string(at(services, module, "environment", "QUARKUS_MONGODB_MAX_POOL_SIZE"))))
                    .as(module).isBetween(1, 20);
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
    void secretsComeFromFilesAndTheEnvFileNeverFromThisFile() {
        Map<String, Object> environment = asMap(at(services, "auth-service", "environment"));

        assertThat(string(environment.get("MISTY_JWT_SIGNING_KEY_FILE"))).startsWith("/run/secrets/");
        assertThat(string(environment.get("MISTY_ADMIN_BOOTSTRAP_PASSWORD"))).startsWith("${MISTY_ADMIN_BOOTSTRAP_PASSWORD:?");
        assertThat(asList(at(services, "auth-service", "secrets"))).contains("jwt_signing_key");
        for (var secret : asMap(compose.get("secrets")).entrySet()) {
            assertThat(string(at(secret.getValue(), "file"))).as(secret.getKey()).startsWith(SECRETS_DIR);
        }

        String example = RepositoryLayout.read(RepositoryLayout.compose().resolve(".env.example"));
        assertThat(example).containsPattern("(?m)^MISTY_ADMIN_BOOTSTRAP_PASSWORD=$")
                .containsPattern("(?m)^MISTY_GATEWAY_BIND=127\\.0\\.0\\.1$")
                .containsPattern("(?m)^COMPOSE_PROJECT_NAME=misty$");
        assertThat(RepositoryLayout.read(RepositoryLayout.compose().resolve(".gitignore")))
                .containsPattern("(?m)^\\.env$").containsPattern("(?m)^secrets/$").containsPattern("(?m)^backups/$");
    }

    @Test
    void initSecretsMakesEverySecretFileTheComposeFileNames(@TempDir Path scratch) throws IOException {
        assumeTrue(new ExternalTool("bash").installed() && new ExternalTool("openssl").installed(), "bash or openssl missing");
        for (String file : List.of("init-secrets.sh", ".env.example")) {
            Files.copy(RepositoryLayout.compose().resolve(file), scratch.resolve(file));
        }

        ExternalTool.Result first = new ExternalTool("bash").run(scratch, Map.of(), List.of("init-secrets.sh"));
        assertThat(first.exitCode()).as(first.stderr()).isZero();

        List<String> needed = new ArrayList<>();
        for (var secret : asMap(compose.get("secrets")).entrySet()) {
            needed.add(string(at(secret.getValue(), "file")).replace(SECRETS_DIR, ""));
        }
        for (var service : services.values()) {
            for (Object volume : asList(at(service, "volumes"))) {
                if (string(volume).startsWith(SECRETS_DIR)) {
                    needed.add(string(volume).replace(SECRETS_DIR, "").split(":")[0]);
                }
            }
        }
        for (String file : needed) {
            assertThat(scratch.resolve("secrets").resolve(file)).as(file).isNotEmptyFile();
        }
        String gatewaySecrets = Files.readString(scratch.resolve("secrets/gateway.properties"));
        assertThat(gatewaySecrets).contains("misty.kafka.password=").doesNotContain("misty.mongodb.password");
        assertThat(Files.readString(scratch.resolve("secrets/order-service.properties")))
                .contains("misty.mongodb.password=" + Files.readString(scratch.resolve("secrets/mongodb-order-service-password")).strip());

        List<String> before = listing(scratch.resolve("secrets"));
        String contentBefore = Files.readString(scratch.resolve("secrets/mongodb-keyfile"));
        ExternalTool.Result second = new ExternalTool("bash").run(scratch, Map.of(), List.of("init-secrets.sh"));
        assertThat(second.exitCode()).isZero();
        assertThat(listing(scratch.resolve("secrets"))).isEqualTo(before);
        assertThat(Files.readString(scratch.resolve("secrets/mongodb-keyfile"))).as("a second run changes nothing").isEqualTo(contentBefore);
    }

    @Test
    void theBackupUsesItsOwnMongoDbUserAndReportsItsFreshness() {
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
    void volumesHaveFixedNames() {
        for (var volume : asMap(compose.get("volumes")).entrySet()) {
            assertThat(string(at(volume.getValue(), "name"))).as(volume.getKey()).isNotBlank();
        }
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
    void renderedByDockerComposeWithAndWithoutEveryProfileTheInvariantsStillHold() {
        ExternalTool dockerCompose = new ExternalTool("docker-compose");
        assumeTrue(dockerCompose.installed(), "docker-compose is not installed: only the file itself was checked");

        List<List<String>> profileArguments = new ArrayList<>();
        profileArguments.add(List.of());
        for (String profile : PROFILES) {
            profileArguments.add(List.of("--profile", profile));
        }
        for (List<String> profile : profileArguments) {
            List<String> arguments = new ArrayList<>(List.of("--env-file", ".env.example", "-f", "docker-compose.yml"));
            arguments.addAll(profile);
            arguments.add("config");
            ExternalTool.Result result = dockerCompose.run(RepositoryLayout.compose(),
                    Map.of("MISTY_ADMIN_BOOTSTRAP_PASSWORD", "rendering-only", "MISTY_VERSION", RELEASE_TAG), arguments);

            assertThat(result.exitCode()).as(profile + ": " + result.stderr()).isZero();
            Map<String, Object> rendered = asMap(YamlDocuments.loadAll(result.stdout()).get(0).get("services"));
            assertThat(rendered.keySet()).as(profile.toString()).containsAll(RepositoryLayout.SERVICE_MODULES);
            assertOnlyGatewayPublishes(rendered);
            assertGatewayApartFromMongoDb(rendered);
            assertMemoryLimitsFit(rendered);
            assertThat(string(asList(at(rendered, "gateway", "ports")).get(0))).as("gateway on loopback by default")
                    .contains("127.0.0.1");
            for (String module : RepositoryLayout.SERVICE_MODULES) {
                assertThat(string(at(rendered, module, "image"))).isEqualTo("misty/" + module + ":" + RELEASE_TAG);
            }
        }
    }

    @Test
    void renderedWithTheDevelopmentFileOnlyTheGatewayAndTheTlsFrontListenBeyondLoopback() {
        ExternalTool dockerCompose = new ExternalTool("docker-compose");
        assumeTrue(dockerCompose.installed(), "docker-compose is not installed: only the file itself was checked");

        ExternalTool.Result result = dockerCompose.run(RepositoryLayout.compose(),
                Map.of("MISTY_ADMIN_BOOTSTRAP_PASSWORD", "rendering-only", "MISTY_VERSION", RELEASE_TAG),
                List.of("--env-file", ".env.example", "-f", "docker-compose.yml", "-f", "docker-compose.dev.yml", "config"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Object> rendered = asMap(YamlDocuments.loadAll(result.stdout()).get(0).get("services"));
        for (var entry : rendered.entrySet()) {
            if (!entry.getKey().equals("gateway") && !entry.getKey().equals("caddy")) {
                for (Object port : asList(at(entry.getValue(), "ports"))) {
                    assertThat(string(port)).as(entry.getKey()).startsWith("127.0.0.1:");
                }
            }
        }
    }

    @Test
    void withoutAReleaseTagDockerComposeRefusesToRender() {
        ExternalTool dockerCompose = new ExternalTool("docker-compose");
        assumeTrue(dockerCompose.installed(), "docker-compose is not installed");

        ExternalTool.Result result = dockerCompose.run(RepositoryLayout.compose(),
                Map.of("MISTY_ADMIN_BOOTSTRAP_PASSWORD", "rendering-only"),
                List.of("--env-file", ".env.example", "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("MISTY_VERSION");
    }

    @Test
    void withoutTheAdminPasswordDockerComposeRefusesToRender() {
        ExternalTool dockerCompose = new ExternalTool("docker-compose");
        assumeTrue(dockerCompose.installed(), "docker-compose is not installed");

        ExternalTool.Result result = dockerCompose.run(RepositoryLayout.compose(), Map.of("MISTY_ADMIN_BOOTSTRAP_PASSWORD", "", "MISTY_VERSION", RELEASE_TAG),
                List.of("--env-file", ".env.example", "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("MISTY_ADMIN_BOOTSTRAP_PASSWORD");
    }

    /** The property the apache/kafka image makes of an environment variable (its utility.go ConvertKey). */
    static String kafkaImageProperty(String variable) {
        String key = variable.substring("KAFKA_".length());
        // One non-overlapping scan, as the image's Go regexp does.
        String singles = Pattern.compile("[^_]_[^_]").matcher(key).replaceAll(m -> m.group().replace('_', '.'));
        return singles.replace("___", "-").replace("__", "_").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void theKafkaImagePropertyNamingIsReadAsTheImageReadsIt() {
        assertThat(kafkaImageProperty("KAFKA_LISTENER_NAME_SASL__PLAINTEXT_SCRAM___SHA___512_SASL_JAAS_CONFIG"))
                .isEqualTo("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config");
        assertThat(kafkaImageProperty("KAFKA_LOG_CLEANER_DEDUPE_BUFFER_SIZE")).isEqualTo("log.cleaner.dedupe.buffer.size");
    }

    /** A value as the container sees it: compose turns $$ into $ (and leaves ${...} with $$ to Quarkus). */
    private static String unescaped(Object value) {
        return string(value).replace("$$", "$");
    }

    private boolean hasHealthCheck(String service) {
        return at(services, service, "healthcheck") != null
                || (RepositoryLayout.SERVICE_MODULES.contains(service)
                && RepositoryLayout.read(RepositoryLayout.dockerfile(service)).contains("\nHEALTHCHECK "));
    }

    /** The gateway publishes one port, 8080; the only other publisher is Caddy, the TLS front of the tls profile. */
    private static void assertOnlyGatewayPublishes(Map<String, Object> services) {
        List<String> publishing = new ArrayList<>();
        for (var entry : services.entrySet()) {
            if (!asList(at(entry.getValue(), "ports")).isEmpty() || at(entry.getValue(), "network_mode") != null) {
                publishing.add(entry.getKey());
            }
        }
        assertThat(publishing).contains("gateway").isSubsetOf("gateway", "caddy");
        if (publishing.contains("caddy")) {
            assertThat(asList(at(services, "caddy", "profiles"))).as("caddy only in a profile").contains("tls");
            assertThat(asList(at(services, "caddy", "networks")).toString()).as("caddy reaches only the gateway")
                    .doesNotContain("data").doesNotContain("backend");
        }
        assertThat(asList(at(services, "gateway", "ports"))).hasSize(1);
        assertThat(asList(at(services, "gateway", "ports")).toString()).contains(":8080");
    }

    private static void assertGatewayApartFromMongoDb(Map<String, Object> services) {
        Set<String> mongoNetworks = networks(services.get("mongodb"));
        assertThat(mongoNetworks).isNotEmpty();
        for (String name : List.of("gateway", "caddy", "kafka")) {
            if (services.containsKey(name)) {
                assertThat(networks(services.get(name))).as(name + " networks").doesNotContainAnyElementsOf(mongoNetworks);
            }
        }
    }

    /** Networks as a list (the file) or as a map (docker-compose config). */
    private static Set<String> networks(Object service) {
        Object networks = at(service, "networks");
        Set<String> names = new HashSet<>();
        if (networks instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> names.add(String.valueOf(key)));
        } else {
            asList(networks).forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }

    private static void assertMemoryLimitsFit(Map<String, Object> services) {
        long total = 0;
        for (var entry : services.entrySet()) {
            Object limit = at(entry.getValue(), "mem_limit");
            assertThat(limit).as(entry.getKey() + " mem_limit").isNotNull();
            if (!ONE_SHOT.contains(entry.getKey())) {
                total += MemorySize.bytes(limit);
            }
        }
        assertThat(total).as("sum of mem_limit in bytes").isLessThanOrEqualTo(RepositoryLayout.TWO_GIB);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(Path::toString).sorted().toList();
        }
    }
}
