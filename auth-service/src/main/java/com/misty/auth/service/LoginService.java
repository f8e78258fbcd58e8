package com.misty.auth.service;

import com.misty.auth.domain.AuthProblems;
import com.misty.auth.domain.User;
import com.misty.auth.repository.UserRepository;
import com.misty.auth.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Password login: throttled, and indistinguishable for unknown users and wrong passwords. */
@ApplicationScoped
public class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionIssuer sessions;

    public LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, SessionIssuer sessions) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public IssuedSession login(String username, String password, String clientAddress) {
        LoginThrottle.Keys keys = LoginThrottle.forUser(username, clientAddress);
        throttle.requireNotLocked(keys);

        Optional<User> found = username == null ? Optional.empty() : users.findByUsername(username);
        boolean passwordMatches;
        if (found.isPresent()) {
            passwordMatches = hasher.matches(password, found.get().passwordHash());
        } else {
            hasher.matchNothing(password);
            passwordMatches = false;
        }
        if (!passwordMatches) {
            throttle.recordFailure(keys);
            throw AuthProblems.invalidCredentials();
        }
        User user = found.get();
        throttle.recordSuccess(keys);
        if (!user.active()) {
            throw AuthProblems.accountDisabled();
        }
        return sessions.start(user);
    }
}
