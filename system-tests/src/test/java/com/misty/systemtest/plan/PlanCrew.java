package com.misty.systemtest.plan;

import com.misty.systemtest.Accounts;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.testkit.Concurrently;

import java.util.List;

/**
 * The people of the plan's scenarios: distinct managers and production staff, each a real user signed in through
 * the gateway. Created once for all classes of this package (a login costs a bcrypt check), all at once.
 */
final class PlanCrew {

    /** How many distinct users act together in the scale scenarios ({@code -Dplan.users}). */
    static final int USERS = Integer.getInteger("plan.users", 8);

    private static PlanCrew crew;

    final RunningSuite suite;
    final Session admin;
    final List<Session> managers;
    final List<Session> production;

    private PlanCrew(RunningSuite suite, Session admin, List<Session> managers, List<Session> production) {
        this.suite = suite;
        this.admin = admin;
        this.managers = managers;
        this.production = production;
    }

    static synchronized PlanCrew get() {
        if (crew == null) {
            RunningSuite suite = RunningSuite.get();
            Session admin = suite.admin();
            List<Session> people = Concurrently.run(2 * USERS,
                    i -> () -> Accounts.newUser(suite, admin, i < USERS ? "manager" : "production"));
            crew = new PlanCrew(suite, admin, people.subList(0, USERS), people.subList(USERS, 2 * USERS));
        }
        return crew;
    }

    Session manager(int i) {
        return managers.get(i % managers.size());
    }

    Session production(int i) {
        return production.get(i % production.size());
    }
}
