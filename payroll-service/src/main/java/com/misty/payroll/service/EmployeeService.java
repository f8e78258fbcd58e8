package com.misty.payroll.service;

import com.misty.payroll.domain.PayrollProblems;
import com.misty.payroll.config.PayrollConfig;
import com.misty.payroll.domain.Access;
import com.misty.payroll.domain.Actor;
import com.misty.payroll.domain.EmployeeDetails;
import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.repository.EmployeeProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Payroll profiles: admins create and edit them, managers read them, employees read their own. */
@ApplicationScoped
public class EmployeeService {

    private final EmployeeProfileRepository profiles;
    private final PayrollConfig config;

    public EmployeeService(EmployeeProfileRepository profiles, PayrollConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    public EmployeeProfile create(String userId, EmployeeDetails details) {
        return profiles.insert(userId, details, Instant.now());
    }

    public EmployeeProfile get(Actor actor, String id) {
        EmployeeProfile profile = profiles.findProfile(id).orElseThrow(() -> PayrollProblems.employeeNotFound(id));
        Access.requireOwnerOrSupervisor(actor, profile.userId());
        return profile;
    }

    public EmployeeProfile mine(Actor actor) {
        return profiles.findByUserId(actor.userId()).orElseThrow(
                PayrollProblems::noOwnProfile);
    }

    public List<EmployeeProfile> list(Boolean active, int limit) {
        return profiles.list(active, limit);
    }

    /** Replaces the editable fields, but only on the version the caller saw; otherwise 409 VERSION_CONFLICT. */
    public EmployeeProfile update(String id, long expectedVersion, EmployeeDetails details) {
        return profiles.replaceDetails(id, expectedVersion, details, Instant.now()).orElseThrow(() -> {
            EmployeeProfile current = profiles.findProfile(id).orElseThrow(() -> PayrollProblems.employeeNotFound(id));
            return PayrollProblems.staleProfile(current.version());
        });
    }

    /** A new auth user with the employee role gets a profile stub (no rate yet); repeated events change nothing. */
    public boolean onUserCreated(String userId, String username) {
        return profiles.insertStubIfAbsent(userId, username, config.defaultStandardWeeklyHours(), Instant.now());
    }

    public boolean onUserDeactivated(String userId) {
        return profiles.deactivate(userId, Instant.now());
    }
}
