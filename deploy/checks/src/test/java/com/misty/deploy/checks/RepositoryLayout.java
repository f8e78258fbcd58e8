package com.misty.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the repository's deployment files are, and the facts about the services they must agree with. */
final class RepositoryLayout {

    /** The modules that ship as a container image misty/&lt;module&gt;, each with its HTTP port. */
    static final List<String> SERVICE_MODULES =
            List.of("auth-service", "inventory-service", "payroll-service", "order-service", "gateway");

    static final long TWO_GIB = 2L * 1024 * 1024 * 1024;

    private static final Pattern PROJECT_VERSION =
            Pattern.compile("<artifactId>misty-suite</artifactId>\\s*<version>([^<]+)</version>");

    private RepositoryLayout() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>misty-suite</artifactId>")
                    && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the misty-suite repository: " + Path.of("").toAbsolutePath());
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path compose() {
        return deploy().resolve("compose");
    }

    static Path k8s() {
        return deploy().resolve("k8s");
    }

    static Path dockerfile(String module) {
        return root().resolve(module).resolve("src/main/docker/Dockerfile.jvm");
    }

    /** The root pom's version: the default tag of every misty/&lt;module&gt; image. */
    static String projectVersion() {
        Matcher matcher = PROJECT_VERSION.matcher(read(root().resolve("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("no version in the root pom");
        }
        return matcher.group(1).strip();
    }

    /** quarkus.http.port from the module's application.properties. */
    static int httpPort(String module) {
        return Integer.parseInt(applicationProperties(module).getProperty("quarkus.http.port").strip());
    }

    /** The gateway's routes (misty.gateway.routes.NAME) as the environment variables that override them. */
    static List<String> gatewayRouteVariables() {
        return applicationProperties("gateway").stringPropertyNames().stream()
                .filter(key -> key.startsWith("misty.gateway.routes."))
                .map(key -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'))
                .sorted().toList();
    }

    static Properties applicationProperties(String module) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(root().resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
