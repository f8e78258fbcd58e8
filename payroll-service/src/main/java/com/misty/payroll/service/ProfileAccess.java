package com.misty.payroll.service;

import com.misty.payroll.domain.PayrollProblems;
import com.misty.payroll.domain.Access;
import com.misty.payroll.domain.Actor;
import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.repository.EmployeeProfileRepository;

/**
 * Finds the profile a request is about and checks the caller may touch it: no id means the caller's own
 * profile; another employee's profile only for managers and admins.
 */
final class ProfileAccess {

    private ProfileAccess() {
    }

    static EmployeeProfile resolve(EmployeeProfileRepository profiles, Actor actor, String employeeId) {
        if (employeeId == null) {
            return profiles.findByUserId(actor.userId()).orElseThrow(
                    PayrollProblems::noOwnProfile);
        }
        EmployeeProfile profile = profiles.findProfile(employeeId)
                .orElseThrow(() -> PayrollProblems.employeeNotFound(employeeId));
        Access.requireOwnerOrSupervisor(actor, profile.userId());
        return profile;
    }
}
