package com.misty.auth.domain;

import com.misty.platform.security.Roles;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.misty.contracts.imports.OriginalValues.active;
import static com.misty.contracts.imports.OriginalValues.instant;
import static com.misty.contracts.imports.OriginalValues.text;

/**
 * How a user of the original system becomes a user of this suite (the root README's import section documents the
 * rules): its {@code id} is kept, so employee profiles keep pointing at it; its role is mapped (the suite's four
 * in any case, plus the operator's {@code role_map}; anything else is refused, never guessed — a wrong role is a
 * wrong permission); its password hash is kept when this suite can verify it (bcrypt), otherwise the user comes in
 * without a usable password and must have it reset by an administrator.
 */
public final class OriginalUserMapping {

    /** The original's field holding the password hash, unless the operator names another. */
    public static final String DEFAULT_HASH_FIELD = "password_hash";

    /** The fields this mapping reads besides the hash field; anything else is reported as unmapped. */
    public static final Set<String> KNOWN_FIELDS = Set.of("_id", "id", "username", "email", "full_name", "role",
            "active", "is_active", "created_at", "updated_at");

    /** A bcrypt hash in the modular crypt form: {@code $2a$}, {@code $2b$} or {@code $2y$}, a two-digit cost, 53 characters. */
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}$");

    private final Map<String, String> roles;
    private final String hashField;

    /**
     * @param roleMap   original role (any case) → one of the suite's roles, on top of the suite's own names
     * @param hashField the original's password hash field (null: {@value #DEFAULT_HASH_FIELD})
     */
    public OriginalUserMapping(Map<String, String> roleMap, String hashField) {
        Map<String, String> all = new HashMap<>();
        Roles.ALL.forEach(role -> all.put(role, role));
        if (roleMap != null) {
            roleMap.forEach((from, to) -> all.put(from.toLowerCase(Locale.ROOT), to));
        }
        this.roles = Map.copyOf(all);
        this.hashField = hashField == null || hashField.isBlank() ? DEFAULT_HASH_FIELD : hashField;
    }

    public String hashField() {
        return hashField;
    }

    /** A user ready to store (with whether it must have its password reset), or the reason it cannot be imported. */
    public sealed interface Mapped permits Accepted, Refused {
    }

    public record Accepted(User user, boolean passwordResetRequired) implements Mapped {
    }

    public record Refused(String id, String username, String reason) implements Mapped {
    }

    public Mapped map(Map<String, Object> record, Instant now) {
        String id = text(record.get("id"));
        String username = text(record.get("username"));
        if (id == null) {
            return new Refused(text(record.get("_id")), username, "no id: the profiles referring to it could not be kept");
        }
        if (username == null || username.isBlank()) {
            return new Refused(id, null, "no username");
        }
        if (!Usernames.isAcceptable(username)) {
            return new Refused(id, username, "username '" + username + "' is not one this suite accepts (" + Usernames.RULE + ")");
        }
        String rawRole = text(record.get("role"));
        String role = rawRole == null ? null : roles.get(rawRole.toLowerCase(Locale.ROOT));
        if (role == null) {
            return new Refused(id, username, "role '" + rawRole + "' has no mapping (add it to the mapping file's user roles)");
        }
        String hash = text(record.get(hashField));
        boolean verifiable = isVerifiableHash(hash);
        Instant created = instant(record.get("created_at"));
        return new Accepted(new User(id, username.strip(), role, text(record.get("full_name")), text(record.get("email")), active(record),
                1, created == null ? now : created, verifiable ? hash : null, null), !verifiable);
    }

    /** Whether this suite can check a password against the hash: bcrypt, of a cost its verifier accepts. */
    public static boolean isVerifiableHash(String hash) {
        return hash != null && BCRYPT.matcher(hash).matches();
    }
}
