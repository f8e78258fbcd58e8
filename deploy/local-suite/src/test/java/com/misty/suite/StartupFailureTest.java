package com.misty.suite;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's one-line error names the cause a child's log gives, not the last line of its stack trace. */
class StartupFailureTest {

    @Test
    void aWeakBootstrapPasswordIsNamedNotTheStackTracesLastLine() {
        List<String> log = List.of(
                "2026-11-28 10:00:01,100 INFO  [io.quarkus] (main) Profile prod activated.",
                "2026-11-28 10:00:01,200 ERROR [io.quarkus.runtime.Application] (main) Failed to start application: java.lang.RuntimeException: Failed to start quarkus",
                "\tat io.quarkus.runner.ApplicationImpl.doStart(Unknown Source)",
                "\tat io.quarkus.runtime.Application.start(Application.java:101)",
                "Caused by: java.lang.IllegalStateException: Cannot create the bootstrap admin: A password must not contain the username. (set MISTY_ADMIN_PASSWORD for ./run-suite.sh)",
                "\tat com.misty.auth.service.BootstrapAdmin.onStart(BootstrapAdmin.java:47)",
                "\t... 12 more",
                "Caused by: com.misty.platform.problem.DomainException: A password must not contain the username.",
                "\tat com.misty.auth.domain.PasswordPolicy.weak(PasswordPolicy.java:45)",
                "\t... 17 more");

        assertThat(StartupFailure.causeIn(log)).isEqualTo(
                "Cannot create the bootstrap admin: A password must not contain the username. (set MISTY_ADMIN_PASSWORD for ./run-suite.sh)");
    }

    @Test
    void aChildThatDiesAtStartIsQuotedByItsCause() throws Exception {
        Path log = Files.createTempDirectory("failing-child").resolve("auth-service.log");
        ChildProcess child = ChildProcess.startJava("auth-service", List.of("-cp", System.getProperty("java.class.path")),
                List.of(FailingStartupMain.class.getName()), Map.of(), log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitCode()).isEqualTo(1);
        assertThat(child.failureCause()).isEqualTo("Cannot create the bootstrap admin: A password must not contain the "
                + "username. (set MISTY_ADMIN_PASSWORD for ./run-suite.sh)");
    }

    @Test
    void theRootCauseWinsOverAWrapperThatSaysNothing() {
        List<String> log = List.of(
                "java.lang.RuntimeException: Failed to start quarkus",
                "\tat io.quarkus.runner.ApplicationImpl.doStart(Unknown Source)",
                "Caused by: java.lang.RuntimeException: Failed to start quarkus",
                "\t... 3 more",
                "Caused by: java.net.BindException: Address already in use",
                "\t... 9 more");

        assertThat(StartupFailure.causeIn(log)).isEqualTo("Address already in use");
    }

    @Test
    void withoutAStackTraceTheFirstErrorLineOrTheLastWordsAreQuoted() {
        assertThat(StartupFailure.causeIn(List.of(
                "2026-11-28 10:00:01,100 INFO  [io.quarkus] (main) starting",
                "2026-11-28 10:00:01,200 ERROR [org.acme.Boot] (main) The data directory is not writable",
                "2026-11-28 10:00:01,300 INFO  [io.quarkus] (main) stopped")))
                .isEqualTo("The data directory is not writable");
        assertThat(StartupFailure.causeIn(List.of("Error: could not find or load main class x", "", "\tat nothing")))
                .isEqualTo("Error: could not find or load main class x");
        assertThat(StartupFailure.causeIn(List.of())).isEqualTo("(no output)");
    }
}
