package com.misty.auth.service;

import com.misty.auth.domain.ServiceAccount;
import com.misty.auth.domain.User;
import com.misty.auth.repository.ServiceAccountRepository;
import com.misty.auth.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who an id recorded as a record's actor is: the services keep the token's subject (a user's or a service account's
 * id), people read names. Any signed-in user may ask, for ids they already hold (ids are random; nothing here lists
 * or searches accounts).
 */
@ApplicationScoped
public class ActorDirectory {

    /** One actor: {@code username} is null for a service account; {@code displayName} is what a screen shows. */
    public record Actor(String id, String kind, String username, String displayName) {

        static Actor of(User user) {
            String full = user.fullName();
            return new Actor(user.id(), "user", user.username(), full == null || full.isBlank() ? user.username() : full);
        }

        static Actor of(ServiceAccount account) {
            return new Actor(account.id(), "service_account", null, account.name());
        }
    }

    private final UserRepository users;
    private final ServiceAccountRepository serviceAccounts;

    public ActorDirectory(UserRepository users, ServiceAccountRepository serviceAccounts) {
        this.users = users;
        this.serviceAccounts = serviceAccounts;
    }

    /** The known actors among {@code ids}; unknown ids are left out. */
    public List<Actor> find(Set<String> ids) {
        List<Actor> found = new ArrayList<>();
        users.findByIds(ids).forEach(user -> found.add(Actor.of(user)));
        Set<String> rest = new LinkedHashSet<>(ids);
        found.forEach(actor -> rest.remove(actor.id()));
        if (!rest.isEmpty()) {
            serviceAccounts.findByIds(rest).forEach(account -> found.add(Actor.of(account)));
        }
        return found;
    }
}
