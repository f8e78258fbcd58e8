package com.misty.systemtest.access;

import java.util.Map;

/**
 * One concrete request of an endpoint: the path with its ids filled in and a valid body ({@code null} for none).
 * The body is a mutable ordered map so that hostile tests can break it field by field.
 */
public record Call(String path, Map<String, Object> body) {

    public static Call of(String path) {
        return new Call(path, null);
    }

    public static Call of(String path, Map<String, Object> body) {
        return new Call(path, body);
    }
}
