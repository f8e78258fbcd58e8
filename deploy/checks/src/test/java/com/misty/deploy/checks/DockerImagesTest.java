package com.misty.deploy.checks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's Dockerfile.jvm follows the Quarkus JVM layout, runs unprivileged and checks its own health. */
class DockerImagesTest {

    static final List<String> MODULES = RepositoryLayout.SERVICE_MODULES;

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern BASE_IMAGE_ARG = Pattern.compile("(?m)^ARG BASE_IMAGE=(\\S+)");

    @ParameterizedTest
    @FieldSource("MODULES")
    void copiesTheQuarkusFastJarLayoutOntoAJava17Runtime(String module) {
        String dockerfile = dockerfile(module);

        assertThat(baseImage(dockerfile)).as(module + " base image")
                .matches("eclipse-temurin:17-jre.*|registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime.*");
        assertThat(dockerfile).as(module)
                .contains("COPY target/quarkus-app/lib/ /deployments/lib/")
                .contains("COPY target/quarkus-app/*.jar /deployments/")
                .contains("COPY target/quarkus-app/app/ /deployments/app/")
                .contains("COPY target/quarkus-app/quarkus/ /deployments/quarkus/")
                .contains("/deployments/quarkus-run.jar");
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void runsAsANonRootUser(String module) {
        Matcher user = USER.matcher(dockerfile(module));

        assertThat(user.find()).as(module + " has a USER instruction").isTrue();
        String uid = user.group(1).split(":")[0];
        assertThat(uid).as(module + " user").isNotIn("0", "root");
        assertThat(user.find()).as(module + " switches user only once").isFalse();
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void healthCheckAsksReadinessOnTheServicesOwnPort(String module) {
        String dockerfile = dockerfile(module);
        int port = RepositoryLayout.httpPort(module);

        String healthCheck = instruction(dockerfile, "HEALTHCHECK");

        assertThat(healthCheck).as(module + " HEALTHCHECK")
                .contains("/q/health/ready")
                .contains("${HEALTHCHECK_PORT}")
                // neither is in the base image
                .doesNotContain("curl")
                .doesNotContain("wget");
        assertThat(dockerfile).as(module)
                .contains("HEALTHCHECK_PORT=" + port)
                .containsPattern("(?m)^EXPOSE " + port + "$");
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void heapFollowsTheContainersMemoryLimit(String module) {
        String dockerfile = dockerfile(module);

        assertThat(dockerfile).as(module)
                .containsPattern("JAVA_OPTS=\"[^\"]*-XX:MaxRAMPercentage=\\d+")
                .doesNotContainPattern("JAVA_OPTS=\"[^\"]*-Xmx")
                // exec: java is PID 1 and gets SIGTERM for a graceful shutdown
                .contains("exec java $JAVA_OPTS");
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void carriesOciLabels(String module) {
        String labels = instruction(dockerfile(module), "LABEL");

        assertThat(labels).as(module).contains("org.opencontainers.image.title=\"misty-" + module + "\"")
                .contains("org.opencontainers.image.description=");
    }

    @org.junit.jupiter.api.Test
    void buildImagesBuildsBothArchitecturesFromADigestPinnedBaseWithReleaseTags() {
        String script = RepositoryLayout.read(RepositoryLayout.deploy().resolve("build-images.sh"));

        assertThat(script).contains("docker buildx build").contains("platforms=linux/amd64,linux/arm64")
                .contains("docker buildx imagetools inspect")
                .contains("--build-arg BASE_IMAGE=\"$pinned\"")
                .contains("tag=\"$(git rev-parse --short=12 HEAD)\"")
                .doesNotContain("SNAPSHOT");
        for (String label : List.of("version", "revision", "created", "source", "base.name", "base.digest")) {
            assertThat(script).as("OCI label " + label).contains("--label org.opencontainers.image." + label + "=");
        }
        // The pinned reference is the tag plus the resolved sha256 digest.
        assertThat(script).contains("pinned=\"${base_image%%@*}@$digest\"").contains("^sha256:[0-9a-f]{64}$");
    }

    private static String baseImage(String dockerfile) {
        Matcher from = FROM.matcher(dockerfile);
        assertThat(from.find()).as("FROM").isTrue();
        String image = from.group(1);
        if (image.equals("${BASE_IMAGE}")) {
            Matcher arg = BASE_IMAGE_ARG.matcher(dockerfile);
            assertThat(arg.find()).as("ARG BASE_IMAGE default").isTrue();
            return arg.group(1);
        }
        return image;
    }

    /** The instruction's text with its continuation lines joined. */
    private static String instruction(String dockerfile, String keyword) {
        Matcher matcher = Pattern.compile("(?m)^" + keyword + " ((?:.*\\\\\n)*.*)$").matcher(dockerfile);
        assertThat(matcher.find()).as(keyword + " instruction").isTrue();
        return matcher.group(1);
    }

    private static String dockerfile(String module) {
        return RepositoryLayout.read(RepositoryLayout.dockerfile(module));
    }
}
