package com.misty.orders.rest;

import com.misty.platform.problem.DomainException;

import java.util.Optional;

/** The version a change is based on, from the body's {@code version} or the {@code If-Match} header. */
final class BaseVersion {

    static final String REQUIRED_DETAIL = "Send the version this change is based on, as \"version\" in the body "
            + "or as an If-Match header (the ETag of the order).";

    private BaseVersion() {
    }

    /** Both absent: 428 Precondition Required, so a client can never overwrite blindly. */
    static long required(Long bodyVersion, String ifMatch) {
        return optional(bodyVersion, ifMatch)
                .orElseThrow(() -> new DomainException(428, "VERSION_REQUIRED", REQUIRED_DETAIL));
    }

    static Optional<Long> optional(Long bodyVersion, String ifMatch) {
        Optional<Long> header = parseIfMatch(ifMatch);
        if (bodyVersion != null && header.isPresent() && !bodyVersion.equals(header.get())) {
            throw DomainException.badRequest("VERSION_MISMATCH",
                    "The body's version and the If-Match header name different versions.");
        }
        if (bodyVersion != null && bodyVersion < 1) {
            throw DomainException.badRequest("INVALID_FIELD", "Field 'version' must be at least 1.");
        }
        return bodyVersion != null ? Optional.of(bodyVersion) : header;
    }

    /** Accepts the ETag as sent ({@code "3"}), weak ({@code W/"3"}) or bare ({@code 3}). */
    private static Optional<Long> parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 1) {
                return Optional.of(version);
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw DomainException.badRequest("INVALID_IF_MATCH", "If-Match must carry one order version, e.g. \"3\".");
    }
}
