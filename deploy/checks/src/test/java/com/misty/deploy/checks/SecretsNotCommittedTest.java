package com.misty.deploy.checks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No secret value is in the repository: no private key anywhere outside test sources, no literal password,
 * token or credential in the deployment files, the images or the services' configuration; and the files a
 * running installation keeps its secrets in are ignored by git.
 */
class SecretsNotCommittedTest {

    @Test
    void theScannerFindsWhatItLooksFor() {
        assertThat(SecretScanner.privateKeys("a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE")).hasSize(1);
        assertThat(SecretScanner.privateKeys("-----BEGIN PRIVATE KEY-----")).hasSize(1);
        assertThat(SecretScanner.literalSecrets("MISTY_ADMIN_BOOTSTRAP_PASSWORD=hunter22")).hasSize(1);
        assertThat(SecretScanner.literalSecrets("      admin-password: \"s3cr3t!\"")).hasSize(1);
        assertThat(SecretScanner.literalSecrets("api_key = 'abc123'")).hasSize(1);
        assertThat(SecretScanner.literalSecrets("uri: mongodb://misty:Pa55word@mongodb:27017/")).hasSize(1);
    }

    @Test
    void theScannerLetsReferencesAndPlaceholdersPass() {
        String references = String.join("\n",
                "MISTY_ADMIN_BOOTSTRAP_PASSWORD=",
                "MISTY_ADMIN_BOOTSTRAP_PASSWORD: ${MISTY_ADMIN_BOOTSTRAP_PASSWORD:?set it in .env}",
                "  password=\"$(openssl rand -base64 24)\"",
                "  --from-literal=admin-password=\"$password\"",
                "automountServiceAccountToken: false",
                "MISTY_JWT_SIGNING_KEY_FILE: /run/secrets/jwt_signing_key",
                "# password: an example in a comment",
                "secretName: misty-gateway-tls",
                "kubectl create secret generic x --from-literal=password=...",
                "MISTY_ADMIN_BOOTSTRAP_PASSWORD=<choose one>",
                "uri: mongodb://${USER}:${PASSWORD}@mongodb:27017/");

        assertThat(SecretScanner.literalSecrets(references)).isEmpty();
    }

    @Test
    void noPrivateKeyIsCommittedOutsideTestSources() {
        List<String> offenders = new ArrayList<>();
        for (Path file : trackedTextFiles()) {
            String relative = RepositoryLayout.root().relativize(file).toString();
            if (relative.contains("src/test/") || relative.startsWith("deploy/checks/")) {
                continue;
            }
            SecretScanner.privateKeys(readText(file)).forEach(f -> offenders.add(relative + ":" + f.line()));
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void deploymentFilesImagesAndServiceConfigurationHoldNoLiteralSecret() {
        List<String> offenders = new ArrayList<>();
        for (Path file : trackedTextFiles()) {
            String relative = RepositoryLayout.root().relativize(file).toString();
            boolean inScope = (relative.startsWith("deploy/") && !relative.startsWith("deploy/checks/")
                    && !relative.startsWith("deploy/local-suite/"))
                    || relative.contains("/src/main/docker/")
                    || relative.matches("[^/]+/src/main/resources/application\\.properties");
            if (inScope) {
                SecretScanner.literalSecrets(readText(file))
                        .forEach(f -> offenders.add(relative + ":" + f.line() + ": " + f.text()));
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void gitIgnoresTheInstallationsSecretsAndBackups() {
        ExternalTool git = new ExternalTool("git");
        assumeTrue(git.installed() && Files.exists(RepositoryLayout.root().resolve(".git")), "not a git checkout");

        List<String> mustBeIgnored = List.of("deploy/compose/.env", "deploy/compose/secrets/jwt-signing-key.pem",
                "deploy/compose/backups/20260101T000000Z/auth.archive.gz");
        List<String> arguments = new ArrayList<>(List.of("check-ignore", "--no-index"));
        arguments.addAll(mustBeIgnored);
        ExternalTool.Result result = git.run(RepositoryLayout.root(), Map.of(), arguments);

        assertThat(result.stdout().lines().toList()).containsExactlyInAnyOrderElementsOf(mustBeIgnored);
        assertThat(trackedFiles()).noneMatch(f -> f.endsWith("/.env") || f.endsWith(".pem") || f.endsWith(".key"));
    }

    /** Files git tracks (or would, for a tree that is not a checkout: everything but build output). */
    private static List<Path> trackedTextFiles() {
        return trackedFiles().stream().map(RepositoryLayout.root()::resolve)
                .filter(Files::isRegularFile).filter(SecretsNotCommittedTest::isText).toList();
    }

    private static List<String> trackedFiles() {
        Path root = RepositoryLayout.root();
        ExternalTool git = new ExternalTool("git");
        if (git.installed() && Files.exists(root.resolve(".git"))) {
            ExternalTool.Result result = git.run(root, Map.of(), List.of("ls-files", "--cached", "--others", "--exclude-standard"));
            if (result.exitCode() == 0) {
                return result.stdout().lines().filter(line -> !line.isBlank()).toList();
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString())
                    .filter(f -> !f.startsWith(".git/") && !f.contains("target/") && !f.startsWith(".data/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return !(name.endsWith(".jar") || name.endsWith(".png") || name.endsWith(".class") || name.endsWith(".gz"));
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
