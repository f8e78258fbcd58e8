package com.misty.deploy.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secret values written into a file: private key blocks, and a password, secret, token or API key
 * given a literal value, and a URI with a password in it. References are fine: ${VAR}, $(command), "$var",
 * an empty value, a file name, a placeholder (... or <...>).
 */
final class SecretScanner {

    record Finding(int line, String text) {
    }

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z]+ )*PRIVATE KEY-----");

    /** key (ending in a secret-ish word) = or : value, in properties, env files, YAML, shell and JSON. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "([A-Za-z0-9_.\"-]*(?:password|passwd|pwd|secret|token|api[_-]?key|private[_-]?key))\"?\\s*[:=]\\s*(\"[^\"]*\"|'[^']*'|\\S+)?",
            Pattern.CASE_INSENSITIVE);

    /** scheme://user:password@host with a literal password. */
    private static final Pattern URI_CREDENTIALS = Pattern.compile("[a-z+]+://[^/\\s:@\"']+:([^/\\s@\"']+)@");

    private SecretScanner() {
    }

    static List<Finding> privateKeys(String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (PRIVATE_KEY.matcher(lines[i]).find()) {
                findings.add(new Finding(i + 1, lines[i].strip()));
            }
        }
        return findings;
    }

    static List<Finding> literalSecrets(String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            Matcher uri = URI_CREDENTIALS.matcher(line);
            if (uri.find() && isLiteral(uri.group(1))) {
                findings.add(new Finding(i + 1, line));
                continue;
            }
            Matcher matcher = ASSIGNMENT.matcher(line);
            while (matcher.find()) {
                if (isLiteral(matcher.group(2))) {
                    findings.add(new Finding(i + 1, line));
                    break;
                }
            }
        }
        return findings;
    }

    private static boolean isLiteral(String rawValue) {
        if (rawValue == null) {
            return false;
        }
        String value = rawValue.strip();
        int comment = value.indexOf(" #");
        if (comment >= 0) {
            value = value.substring(0, comment).strip();
        }
        value = value.replaceAll("^[\"']|[\"',;]+$", "").strip();
        if (value.isEmpty() || value.startsWith("$") || value.startsWith("/") || value.startsWith("{")
                || value.startsWith("[") || value.startsWith("&") || value.startsWith("*")
                // documentation placeholders: password=... or password=<yours>
                || value.startsWith("...") || value.startsWith("<")) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        // YAML booleans/nulls and values that only say where a secret is, never what it is.
        return !(lower.equals("true") || lower.equals("false") || lower.equals("null") || lower.equals("~")
                || lower.endsWith(".pem"));
    }
}
