package com.misty.suite;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of a child's log that says why it stopped, for the launcher's one-line error: a Java program's real
 * cause is in its {@code Caused by:} lines (a stack trace ends with frames and "... 17 more", which say nothing),
 * the innermost one unless an outer one already says it with more (a wrapper adding advice); else its first ERROR
 * log line, else its last line that is not a stack frame.
 */
final class StartupFailure {

    private static final int MAX_LENGTH = 300;
    private static final Pattern CAUSED_BY = Pattern.compile("^\\s*Caused by: (.*)$");
    /** {@code some.package.SomeException: message} (also nested classes, {@code $}). */
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");
    private static final Pattern ERROR_LOG_LINE = Pattern.compile("^\\S+ \\S+ ERROR +\\[[^]]*] \\([^)]*\\) (.*)$");

    private StartupFailure() {
    }

    static String causeIn(List<String> log) {
        String cause = null;
        for (String line : log) {
            Matcher causedBy = CAUSED_BY.matcher(line);
            if (causedBy.matches()) {
                String message = withoutExceptionClass(causedBy.group(1).strip());
                if (cause == null || !cause.contains(message)) {
                    cause = message; // deeper, and saying something the outer one did not
                }
            }
        }
        if (cause == null) {
            cause = log.stream().map(ERROR_LOG_LINE::matcher).filter(Matcher::matches).map(m -> m.group(1))
                    .findFirst().orElse(null);
        }
        if (cause == null) {
            for (int i = log.size() - 1; i >= 0 && cause == null; i--) {
                if (!log.get(i).isBlank() && !isStackFrame(log.get(i))) {
                    cause = log.get(i);
                }
            }
        }
        return cause == null ? "(no output)" : shorten(withoutExceptionClass(cause.strip()));
    }

    private static boolean isStackFrame(String line) {
        String stripped = line.strip();
        return stripped.startsWith("at ") || stripped.matches("\\.\\.\\. \\d+ more") || stripped.startsWith("Suppressed:");
    }

    /** The message without the exception's class name, unless the class name is all there is. */
    private static String withoutExceptionClass(String cause) {
        Matcher prefix = EXCEPTION_PREFIX.matcher(cause);
        if (prefix.find() && prefix.end() < cause.length()) {
            return cause.substring(prefix.end()).strip();
        }
        return cause;
    }

    private static String shorten(String line) {
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
    }
}
