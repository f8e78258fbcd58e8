package com.misty.platform.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * When the local-suite launcher starts a service it passes its own pid as {@code misty.parent-pid}; if the
 * launcher dies without stopping its children (kill -9, a closed terminal), the service stops itself instead
 * of lingering as an orphan that holds its port.
 */
@Singleton
public class ParentProcessWatchdog {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatchdog.class);

    void onStart(@Observes StartupEvent event) {
        Optional.ofNullable(System.getProperty("misty.parent-pid"))
                .map(Long::parseLong)
                .flatMap(ProcessHandle::of)
                .ifPresent(parent -> {
                    Thread watcher = new Thread(() -> {
                        parent.onExit().join();
                        LOG.warn("Launcher process has gone away; shutting down");
                        Quarkus.asyncExit(1);
                    }, "parent-watchdog");
                    watcher.setDaemon(true);
                    watcher.start();
                });
    }
}
