package com.misty.auth.service;

import com.misty.auth.domain.AuthProblems;
import com.misty.auth.repository.ServiceAccountRepository;
import com.misty.auth.repository.UserRepository;
import com.misty.platform.problem.DomainException;
import com.misty.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Admin operations trust the database, not the token: a caller demoted or deactivated a moment ago still holds
 * a token saying "admin" until the revocation event reaches this replica. Checked at the start of every admin
 * operation, so the change takes effect on the very next request.
 */
@ApplicationScoped
public class CurrentAdmin {

    private final UserRepository users;
    private final ServiceAccountRepository serviceAccounts;

    public CurrentAdmin(UserRepository users, ServiceAccountRepository serviceAccounts) {
        this.users = users;
        this.serviceAccounts = serviceAccounts;
    }

    /** 401 if the caller's account is gone or inactive, 403 if it no longer holds the admin role. */
    public void require(String callerId) {
        var user = users.findUser(callerId);
        if (user.isPresent()) {
            if (!user.get().active()) {
                throw AuthProblems.sessionEnded();
            }
            if (!Roles.ADMIN.equals(user.get().role())) {
                throw DomainException.forbidden("You are not allowed to do this.");
            }
            return;
        }
        var account = serviceAccounts.findAccount(callerId);
        if (account.isEmpty() || !account.get().active()) {
            throw AuthProblems.sessionEnded();
        }
        if (!account.get().roles().contains(Roles.ADMIN)) {
            throw DomainException.forbidden("You are not allowed to do this.");
        }
    }
}
