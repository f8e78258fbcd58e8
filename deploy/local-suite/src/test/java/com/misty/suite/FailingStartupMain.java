package com.misty.suite;

/** A child that fails at start the way auth-service does with a bad bootstrap password: a wrapped cause, then exit 1. */
public final class FailingStartupMain {

    private FailingStartupMain() {
    }

    public static void main(String[] args) {
        IllegalArgumentException policy = new IllegalArgumentException("A password must not contain the username.");
        IllegalStateException bootstrap = new IllegalStateException("Cannot create the bootstrap admin: "
                + policy.getMessage() + " (set MISTY_ADMIN_PASSWORD for ./run-suite.sh)", policy);
        throw new RuntimeException("Failed to start quarkus", bootstrap);
    }
}
