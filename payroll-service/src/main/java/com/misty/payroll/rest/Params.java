package com.misty.payroll.rest;

import com.misty.payroll.domain.Actor;
import com.misty.platform.problem.DomainException;
import com.misty.platform.security.CurrentUser;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Query parameters parsed by hand so a malformed one is a 400 problem (JAX-RS would answer 404). */
final class Params {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private Params() {
    }

    static Actor actor(CurrentUser user) {
        return new Actor(user.id(), user.roles());
    }

    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("INVALID_PARAMETER", name + " must be a date like 2026-11-23.")
                    .with("field", name);
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("INVALID_PARAMETER", name + " has an unknown value.").with("field", name);
        }
    }

    static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw DomainException.badRequest("INVALID_PARAMETER", name + " must be true or false.").with("field", name);
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.badRequest("INVALID_PARAMETER", "limit must be between 1 and " + MAX_LIMIT + ".")
                .with("field", "limit");
    }
}
