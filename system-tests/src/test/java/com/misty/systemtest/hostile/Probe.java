package com.misty.systemtest.hostile;

import java.util.Map;
import java.util.Set;

/**
 * One hostile request: what it tries, the request itself, whose token it carries ({@code bearer}; {@code null} =
 * the endpoint's attacker) and what it must get: one of {@code expected}, or any 4xx when that is empty.
 * {@code mayMatchNothing}: a harmless read may also answer 200 (a filter value that matches no record, or a path
 * that normalises to a read the caller may do anyway).
 */
record Probe(String what, String method, String path, String body, Map<String, String> headers, String bearer,
             Set<Integer> expected, boolean mayMatchNothing) {

    static Probe body(String what, String method, String path, String body) {
        return new Probe(what, method, path, body, Map.of(), null, Set.of(), false);
    }

    Probe expecting(int... statuses) {
        return new Probe(what, method, path, body, headers, bearer,
                java.util.Arrays.stream(statuses).boxed().collect(java.util.stream.Collectors.toSet()), mayMatchNothing);
    }

    Probe withHeaders(Map<String, String> extra) {
        return new Probe(what, method, path, body, extra, bearer, expected, mayMatchNothing);
    }

    Probe withBearer(String token) {
        return new Probe(what, method, path, body, headers, token, expected, mayMatchNothing);
    }

    Probe harmlessIfNothingMatches() {
        return new Probe(what, method, path, body, headers, bearer, expected, true);
    }
}
