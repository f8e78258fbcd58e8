package com.misty.payroll.domain;


/** Object-level rules: employees reach only their own records; nobody decides on their own. */
public final class Access {

    private Access() {
    }

    public static void requireOwnerOrSupervisor(Actor actor, String ownerUserId) {
        if (!actor.isSupervisor() && !actor.userId().equals(ownerUserId)) {
            throw PayrollProblems.notOwnRecord();
        }
    }

    public static void requireNotOwner(Actor actor, String ownerUserId, String what) {
        if (actor.userId().equals(ownerUserId)) {
            throw PayrollProblems.ownDecision(what);
        }
    }

    /**
     * Four eyes: whoever prepared a record (created or submitted it, for someone else) does not also approve it.
     * Null (a record from before this rule) names nobody.
     */
    public static void requireNotPreparer(Actor actor, String preparedBy, String what) {
        if (actor.userId().equals(preparedBy)) {
            throw PayrollProblems.fourEyes(what);
        }
    }

    public static void requireSupervisor(Actor actor) {
        if (!actor.isSupervisor()) {
            throw PayrollProblems.supervisorsOnly();
        }
    }
}
