package com.misty.deploy.checks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory quantities of compose (208m, 1g) and Kubernetes (256Mi, 1Gi) in bytes. Units are binary throughout,
 * as Docker reads them; for Kubernetes' decimal M and G that overestimates slightly, which errs on the safe side.
 */
final class MemorySize {

    private static final Pattern QUANTITY = Pattern.compile("(\\d+)\\s*([a-z]*)");

    private MemorySize() {
    }

    static long bytes(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        Matcher matcher = QUANTITY.matcher(String.valueOf(value).strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a memory size: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "", "b" -> amount;
            case "k", "kb", "ki" -> amount * 1024;
            case "m", "mb", "mi" -> amount * 1024 * 1024;
            case "g", "gb", "gi" -> amount * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unknown memory unit in " + value);
        };
    }
}
