package com.misty.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exception type domain decisions throw; the platform's mapper turns it into problem+json.
 * Factory methods name the usual outcomes so call sites read as the rule they enforce.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> extensions;

    public DomainException(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public DomainException(int status, String code, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static DomainException badRequest(String code, String detail) {
        return new DomainException(400, code, detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "FORBIDDEN", detail);
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(404, "NOT_FOUND", what + " " + id + " not found");
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(409, code, detail);
    }

    /** Adds a member to the problem body, e.g. the current version on a conflict. */
    public DomainException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Problem toProblem() {
        Problem problem = Problem.of(status, code, getMessage());
        for (Map.Entry<String, Object> extension : extensions.entrySet()) {
            problem = problem.with(extension.getKey(), extension.getValue());
        }
        return problem;
    }
}
