package com.misty.platform.security.revocation;

import com.misty.platform.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The revocations this process knows (from {@code auth.events}), and whether their history has been replayed
 * since it started. Until it has, a revoked token cannot be told from a good one, so callers fail closed.
 * Services are fed by {@link RevocationFeed}; the gateway feeds the same bean from its own event feed.
 */
@ApplicationScoped
public class Revocations {

    private final RevocationList list = new RevocationList();
    private final CountDownLatch replayed = new CountDownLatch(1);

    /** Applies what {@code event} revokes, if anything, and returns it. */
    public Optional<Revocation> apply(ReceivedEvent event) {
        Optional<Revocation> revocation = Revocation.of(event);
        revocation.ifPresent(list::revoke);
        return revocation;
    }

    public void revoke(Revocation revocation) {
        list.revoke(revocation);
    }

    public boolean isRevoked(RevocableToken token) {
        return list.isRevoked(token.subject(), token.sessionId(), token.issuedAtSeconds());
    }

    public void markReplayed() {
        replayed.countDown();
    }

    public boolean isReplayed() {
        return replayed.getCount() == 0;
    }

    public boolean awaitReplayed(long millis) throws InterruptedException {
        return replayed.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Subjects and logins with a revocation. */
    public int revokedUsers() {
        return list.size();
    }
}
