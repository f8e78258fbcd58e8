package com.misty.suite.demo;

import com.misty.suite.LaunchException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The demo users' passwords: made once, kept beside the admin password ({@code keys/demo-passwords}, readable by
 * the owner only) and printed in the banner, so the same people can sign in after every restart.
 */
final class DemoPasswords {

    private final Path file;
    private final Properties passwords = new Properties();

    private DemoPasswords(Path file) {
        this.file = file;
    }

    static DemoPasswords in(Path keysDirectory) {
        DemoPasswords passwords = new DemoPasswords(keysDirectory.resolve("demo-passwords"));
        if (Files.exists(passwords.file)) {
            try (Reader reader = Files.newBufferedReader(passwords.file)) {
                passwords.passwords.load(reader);
            } catch (IOException e) {
                throw new LaunchException("cannot read " + passwords.file + ": " + e.getMessage());
            }
        }
        return passwords;
    }

    synchronized String of(String username) {
        String password = passwords.getProperty(username);
        if (password == null) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            passwords.setProperty(username, password);
            save();
        }
        return password;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                passwords.store(writer, "Demo users' passwords (./run-suite.sh --demo)");
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        } catch (IOException e) {
            throw new LaunchException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
