package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamSetTest {

    private final AtomicLong now = new AtomicLong();

    private Upstream upstream(String url) {
        return Upstream.parse(url, new CircuitBreaker(2, Duration.ofSeconds(10), now::get));
    }

    private final Upstream a = upstream("http://127.0.0.1:8082");
    private final Upstream b = upstream("http://127.0.0.1:8087/");
    private final UpstreamSet set = new UpstreamSet(List.of(a, b));

    @Test
    void idleUpstreamsTakeTurns() {
        List<Upstream> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Upstream upstream = set.acquire(Set.of());
            chosen.add(upstream);
            upstream.finished();
        }
        assertThat(chosen).containsExactly(a, b, a, b, a, b);
    }

    @Test
    void theUpstreamServingFewerRequestsGetsTheNext() {
        Upstream first = set.acquire(Set.of());
        Upstream second = set.acquire(Set.of());
        assertThat(second).isNotSameAs(first);
        second.finished();
        // first is still busy (a stalled replica): whoever's turn it is, the idle one is chosen
        for (int i = 0; i < 4; i++) {
            Upstream next = set.acquire(Set.of());
            assertThat(next).isSameAs(second);
            next.finished();
        }
        assertThat(first.inFlight()).isEqualTo(1);
    }

    @Test
    void anUpstreamOutOfRotationIsPassedOverUntilNoneIsReady() {
        b.ready(false);
        for (int i = 0; i < 4; i++) {
            Upstream next = set.acquire(Set.of());
            assertThat(next).isSameAs(a);
            next.finished();
        }
        a.ready(false);
        // No upstream ready: every one is tried rather than the gateway answering 503 on a check's word.
        assertThat(set.acquire(Set.of())).isNotNull();
        assertThat(set.acquire(Set.of(a))).isSameAs(b);
    }

    @Test
    void anUpstreamAlreadyTriedIsNeverChosenAgain() {
        assertThat(set.acquire(Set.of(a))).isSameAs(b);
        assertThat(set.acquire(Set.of(a, b))).isNull();
        assertThat(new UpstreamSet(List.of(a)).acquire(Set.of(a))).isNull();
    }

    @Test
    void anOpenCircuitIsSkippedAndWhenAllAreOpenTheAnswerIsNoneWithTheWait() {
        a.breaker().onFailure();
        a.breaker().onFailure();
        assertThat(a.available()).isFalse();
        for (int i = 0; i < 3; i++) {
            Upstream next = set.acquire(Set.of());
            assertThat(next).isSameAs(b);
            next.finished();
            b.breaker().onSuccess();
        }
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        b.breaker().onFailure();
        b.breaker().onFailure();
        assertThat(set.acquire(Set.of())).isNull();
        assertThat(set.secondsUntilRetry()).as("a's circuit is due first").isEqualTo(6);

        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(set.acquire(Set.of())).as("a's trial").isSameAs(a);
        assertThat(set.acquire(Set.of())).as("one trial at a time; b is still open").isNull();
    }

    @Test
    void onlyAPolledUpstreamIsTakenOutByARefusedConnection() {
        assertThat(set.checked()).isTrue();
        assertThat(set.unreachable(a)).as("it was in rotation").isTrue();
        assertThat(a.ready()).isFalse();
        assertThat(set.unreachable(a)).as("already out").isFalse();

        Upstream only = upstream("http://inventory-service:8082");
        UpstreamSet single = new UpstreamSet(List.of(only));
        assertThat(single.checked()).isFalse();
        assertThat(single.unreachable(only)).isFalse();
        assertThat(only.ready()).as("a single URL (a Kubernetes Service) stays in").isTrue();
    }

    @Test
    void baseUrlsAreReadStrictly() {
        Upstream withPath = upstream("https://gw.example/inventory/");
        assertThat(withPath.url()).isEqualTo("https://gw.example/inventory");
        assertThat(withPath.port()).isEqualTo(443);
        assertThat(withPath.basePath()).isEqualTo("/inventory");
        assertThat(b.url()).isEqualTo("http://127.0.0.1:8087");
        assertThat(b.basePath()).isEmpty();
        for (String bad : List.of("localhost:8082", "ftp://host:21", "http://", "http://host:1/?q=1", "not a url")) {
            assertThatThrownBy(() -> upstream(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new UpstreamSet(List.of(a, upstream("http://127.0.0.1:8082/"))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new UpstreamSet(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
