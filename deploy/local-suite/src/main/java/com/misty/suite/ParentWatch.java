package com.misty.suite;

import java.util.Optional;

/** Child processes end themselves when the launcher that started them is gone (no orphans after kill -9). */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenParentDies() {
        Optional.ofNullable(System.getProperty("misty.parent-pid"))
                .map(Long::parseLong)
                .flatMap(ProcessHandle::of)
                .ifPresent(parent -> parent.onExit().thenRun(() -> {
                    System.err.println("Launcher has gone away; stopping");
                    System.exit(1);
                }));
    }
}
