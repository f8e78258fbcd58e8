package com.misty.platform.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts every problem answer by status and code in the global registry, which Quarkus' Prometheus registry
 * joins: {@code misty_problems_total{status="409",code="VERSION_CONFLICT"}}. Codes are a fixed set per service,
 * so the number of series stays small.
 */
public final class ProblemCounter {

    static final String NAME = "misty.problems";

    private ProblemCounter() {
    }

    public static void count(Problem problem) {
        if (problem.code() == null) {
            return;
        }
        Counter.builder(NAME)
                .description("Error answers (problem+json) by HTTP status and machine code: conflicts, refusals, invalid input")
                .tag("status", Integer.toString(problem.status()))
                .tag("code", problem.code())
                .register(Metrics.globalRegistry)
                .increment();
    }
}
