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

    /**
     * Four eyes: whoever prepared a record (created or submitted it, for someone else) does not also approve it.
     * Null (a record from before this rule) names nobody.
     */
    public static void requireNotPreparer(Actor actor, String preparedBy, String what) {
        if (actor.userId().equals(preparedBy)) {
            throw new DomainException(403, "FOUR_EYES", "You prepared this " + what + "; someone else must approve it.");
        }
    }

    public static void requireSupervisor(Actor actor) {
        if (!actor.isSupervisor()) {
            throw DomainException.forbidden("Only managers and admins may do this.");
        }
    }
}
