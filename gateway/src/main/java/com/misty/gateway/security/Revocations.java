package com.misty.gateway.security;

import com.misty.gateway.domain.RevocationList;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The revocations this gateway knows, and whether their history has been replayed since it started. Until it
 * has, the gateway cannot tell a revoked token from a good one, so it refuses to authenticate (fail closed).
 */
@ApplicationScoped
public class Revocations {

    private final RevocationList list = new RevocationList();
    private final CountDownLatch replayed = new CountDownLatch(1);

    public void revoke(String userId, Instant before) {
        list.revoke(userId, before);
    }

    public boolean isRevoked(VerifiedToken token) {
        return list.isRevoked(token.subject(), token.issuedAtSeconds());
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

    public int revokedUsers() {
        return list.size();
    }
}
