package com.misty.systemtest.plan;

import com.misty.systemtest.Accounts;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * The people of the plan's scenarios: distinct managers and production staff, each a real user signed in through
 * the gateway. Created once for all classes of this package (a login costs a bcrypt check).
 */
final class PlanCrew {

    /** How many distinct users act together in the scale scenarios ({@code -Dplan.users}). */
    static final int USERS = Integer.getInteger("plan.users", 8);

    private static final int CREATORS = 2;

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
            // One authenticated GET first: on a cold gateway (auth-service's JWKS not fetched yet) concurrent
            // authenticated POSTs are answered 401 or broken (gateway JwksKeys.ensureKnown / paused body; see the
            // system-tests README, section plan), which is not what this package tests.
            admin.get("/api/auth/me").expect(200);
            List<Session> people = create(suite, admin);
            crew = new PlanCrew(suite, admin, people.subList(0, USERS), people.subList(USERS, 2 * USERS));
        }
        return crew;
    }

    /**
     * A few at a time, not all at once: each creation and sign-in is a bcrypt check (cost 12), and a burst of them
     * on a busy machine queues requests in auth-service until the admin's token, verified again there, expires.
     */
    private static List<Session> create(RunningSuite suite, Session admin) {
        ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
        try {
            List<Future<Session>> futures = IntStream.range(0, 2 * USERS)
                    .mapToObj(i -> pool.submit(() -> newUser(suite, admin, i < USERS ? "manager" : "production")))
                    .toList();
            List<Session> people = new ArrayList<>();
            for (Future<Session> future : futures) {
                people.add(future.get(5, TimeUnit.MINUTES));
            }
            return people;
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating the plan's users failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("creating the plan's users did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A new signed-in user, trying again (as a person would) when the gateway answers 504 because auth-service,
     * busy with bcrypt on a loaded machine, did not answer within the gateway's 10 s; each try uses a new name.
     */
    static Session newUser(RunningSuite suite, Session admin, String role) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Accounts.newUser(suite, admin, role);
            } catch (AssertionError e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains(" -> 504 ")) {
                    throw e;
                }
            }
        }
    }

    Session manager(int i) {
        return managers.get(i % managers.size());
    }

    Session production(int i) {
        return production.get(i % production.size());
    }
}
