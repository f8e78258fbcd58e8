package com.misty.payroll.domain;

import com.misty.platform.problem.DomainException;

/** Object-level rules: employees reach only their own records; nobody decides on their own. */
public final class Access {

    private Access() {
    }

    public static void requireOwnerOrSupervisor(Actor actor, String ownerUserId) {
        if (!actor.isSupervisor() && !actor.userId().equals(ownerUserId)) {
            throw DomainException.forbidden("You may only access your own records.");
        }
    }

    public static void requireNotOwner(Actor actor, String ownerUserId, String what) {
        if (actor.userId().equals(ownerUserId)) {
            throw DomainException.forbidden("You cannot decide on your own " + what + ".");
        }
    }

    public static void requireSupervisor(Actor actor) {
        if (!actor.isSupervisor()) {
            throw DomainException.forbidden("Only managers and admins may do this.");
        }
    }
}
