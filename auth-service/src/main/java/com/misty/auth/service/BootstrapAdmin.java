package com.misty.auth.service;

import com.misty.auth.config.AuthConfig;
import com.misty.auth.repository.UserRepository;
import com.misty.platform.problem.DomainException;
import com.misty.platform.security.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * First start with no users: creates {@code admin} with the configured bootstrap password, or a generated one
 * printed once. Replicas starting together race on the unique username; exactly one creates it.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);
    public static final String USERNAME = "admin";

    private final UserRepository users;
    private final UserAdminService admin;
    private final AuthConfig config;

    public BootstrapAdmin(UserRepository users, UserAdminService admin, AuthConfig config) {
        this.users = users;
        this.admin = admin;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!users.isEmpty()) {
            return;
        }
        boolean generated = config.bootstrapAdminPassword().isEmpty();
        String password = config.bootstrapAdminPassword().orElseGet(BootstrapAdmin::generatePassword);
        try {
            admin.createBootstrapAdmin(new UserAdminService.NewUser(USERNAME, password, Roles.ADMIN, "Administrator", null));
        } catch (DomainException e) {
            if ("USERNAME_TAKEN".equals(e.code())) {
                return;
            }
            throw new IllegalStateException("Cannot create the bootstrap admin: " + e.getMessage()
                    + " (set MISTY_ADMIN_BOOTSTRAP_PASSWORD / AUTH_BOOTSTRAP_ADMIN_PASSWORD, or MISTY_ADMIN_PASSWORD for"
                    + " ./run-suite.sh, to an acceptable password)", e);
        }
        if (generated) {
            // Shown once, on purpose: it exists nowhere else. Change it after the first login.
            LOG.warnf("Created the bootstrap user 'admin' with the generated password: %s", password);
        } else {
            LOG.info("Created the bootstrap user 'admin' with the configured password");
        }
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
