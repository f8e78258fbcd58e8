package com.misty.gateway.domain;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of one service and the choice between them. A request goes to the ready upstream serving the fewest
 * requests right now, ties taken in turn (so an idle suite still alternates); an upstream that stalls collects
 * requests that do not come back and so gets fewer new ones, where plain round-robin would keep sending it every
 * second request until its circuit opened. When no upstream is ready all of them are tried, as Envoy's panic mode
 * does: a readiness check may be wrong (checks of an overloaded gateway time out), and the service's own answer
 * says more than a 503 from the gateway. Either way the upstream's circuit must let the request through.
 */
public final class UpstreamSet {

    /** Most upstreams per service: the choice keeps its "already passed over" marks in one long. */
    public static final int MAX_UPSTREAMS = 64;

    private final List<Upstream> upstreams;
    private final AtomicInteger turn = new AtomicInteger();

    public UpstreamSet(List<Upstream> upstreams) {
        if (upstreams.isEmpty() || upstreams.size() > MAX_UPSTREAMS) {
            throw new IllegalArgumentException("A service needs 1 to " + MAX_UPSTREAMS + " upstreams, not "
                    + upstreams.size());
        }
        if (upstreams.stream().map(Upstream::url).distinct().count() != upstreams.size()) {
            throw new IllegalArgumentException("An upstream is listed twice: " + upstreams);
        }
        this.upstreams = List.copyOf(upstreams);
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }

    /**
     * Whether readiness is polled: only with more than one upstream. A single URL (compose, or a Kubernetes Service
     * that balances over ready pods itself) would be tried anyway when it is the only one, so a check could not
     * change where a request goes.
     */
    public boolean checked() {
        return upstreams.size() > 1;
    }

    /**
     * The upstream for the next attempt, never one of {@code tried}; null when every circuit refuses. The caller
     * owns the circuit permit (report the outcome to its breaker) and must call {@link Upstream#finished()} once.
     */
    public Upstream acquire(Set<Upstream> tried) {
        boolean anyReady = false;
        for (Upstream upstream : upstreams) {
            anyReady |= upstream.ready() && !tried.contains(upstream);
        }
        int count = upstreams.size();
        int first = count == 1 ? 0 : Math.floorMod(turn.getAndIncrement(), count);
        long passedOver = 0;
        while (true) {
            int best = -1;
            for (int step = 0; step < count; step++) {
                int index = (first + step) % count;
                Upstream candidate = upstreams.get(index);
                if ((passedOver & (1L << index)) != 0 || tried.contains(candidate) || anyReady && !candidate.ready()) {
                    continue;
                }
                if (best < 0 || candidate.inFlight() < upstreams.get(best).inFlight()) {
                    best = index;
                }
            }
            if (best < 0) {
                return null;
            }
            Upstream chosen = upstreams.get(best);
            if (chosen.breaker().tryAcquire()) {
                chosen.started();
                return chosen;
            }
            passedOver |= 1L << best;
        }
    }

    /** A refused connection takes a polled upstream out of rotation until its next check passes; true if it was in. */
    public boolean unreachable(Upstream upstream) {
        return checked() && upstream.ready(false);
    }

    /** Whole seconds until some circuit lets a trial through (at least 1): the Retry-After of the gateway's 503. */
    public long secondsUntilRetry() {
        long soonest = Long.MAX_VALUE;
        for (Upstream upstream : upstreams) {
            soonest = Math.min(soonest, Math.max(1, upstream.breaker().secondsUntilRetry()));
        }
        return soonest;
    }
}
