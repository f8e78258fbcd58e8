package com.misty.auth.service;

import com.misty.auth.domain.OriginalUserMapping;
import com.misty.auth.domain.User;
import com.misty.auth.repository.UserRepository;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.auth.UserCreated;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports users of the original system one at a time (an interrupted import is completed by running it again):
 * a user already present by id is left alone; a username another account holds is refused, never merged. Each
 * imported user is announced with UserCreated like one created here, so an employee without an imported profile
 * gets payroll's stub (payroll is imported first, so the profiles the original had are there already). A dry run
 * decides the same way and writes nothing.
 */
@ApplicationScoped
public class UserImportService {

    public enum Outcome { IMPORTED, ALREADY_PRESENT, REJECTED }

    public record RecordOutcome(String id, String username, Outcome outcome, boolean passwordResetRequired,
                                String reason) {
    }

    private final UserRepository users;
    private final CurrentAdmin currentAdmin;

    public UserImportService(UserRepository users, CurrentAdmin currentAdmin) {
        this.users = users;
        this.currentAdmin = currentAdmin;
    }

    public List<RecordOutcome> importUsers(List<Map<String, Object>> records, OriginalUserMapping mapping, boolean dryRun,
                                           String actor) {
        currentAdmin.require(actor);
        Instant now = Instant.now();
        Set<String> claimedInDryRun = new HashSet<>();
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (Map<String, Object> record : records) {
            OriginalUserMapping.Mapped mapped = mapping.map(record, now);
            if (mapped instanceof OriginalUserMapping.Refused refused) {
                outcomes.add(new RecordOutcome(refused.id(), refused.username(), Outcome.REJECTED, false, refused.reason()));
                continue;
            }
            OriginalUserMapping.Accepted accepted = (OriginalUserMapping.Accepted) mapped;
            User user = accepted.user();
            UserRepository.ImportedInsert result = dryRun ? predict(user, claimedInDryRun)
                    : users.insertImported(user, EventEnvelope.of(user.id(), actor,
                    new UserCreated(user.id(), user.username(), user.role())));
            outcomes.add(switch (result) {
                case INSERTED -> new RecordOutcome(user.id(), user.username(), Outcome.IMPORTED,
                        accepted.passwordResetRequired(), null);
                case ID_PRESENT -> new RecordOutcome(user.id(), user.username(), Outcome.ALREADY_PRESENT, false, null);
                case USERNAME_TAKEN -> new RecordOutcome(user.id(), user.username(), Outcome.REJECTED, false,
                        "username '" + user.username() + "' is taken by another account of this suite");
            });
        }
        return outcomes;
    }

    private UserRepository.ImportedInsert predict(User user, Set<String> claimed) {
        if (users.exists(user.id())) {
            return UserRepository.ImportedInsert.ID_PRESENT;
        }
        String key = user.username().toLowerCase(java.util.Locale.ROOT);
        if (!claimed.add(key) || users.findByUsername(user.username()).isPresent()) {
            return UserRepository.ImportedInsert.USERNAME_TAKEN;
        }
        return UserRepository.ImportedInsert.INSERTED;
    }
}
