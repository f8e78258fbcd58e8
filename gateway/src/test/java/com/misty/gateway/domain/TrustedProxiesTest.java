package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies balancers = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(TrustedProxies.none().clientAddress("10.0.0.1", List.of("203.0.113.7"))).isEqualTo("10.0.0.1");
        assertThat(TrustedProxies.of(List.of()).isEmpty()).isTrue();
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertThat(balancers.clientAddress("198.51.100.20", List.of("203.0.113.7"))).isEqualTo("198.51.100.20");
    }

    @Test
    void behindATrustedPeerTheRightMostUntrustedAddressIsTheClient() {
        assertThat(balancers.clientAddress("10.1.2.3", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        // The client prepended a fake address; the balancer appended the real one.
        assertThat(balancers.clientAddress("10.1.2.3", List.of("1.1.1.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
        // Two trusted hops (an outer balancer, then an ingress) are skipped.
        assertThat(balancers.clientAddress("10.1.2.3", List.of("1.1.1.1, 203.0.113.7, 192.168.1.5, 10.9.9.9")))
                .isEqualTo("203.0.113.7");
        // Several headers count as one list, in order.
        assertThat(balancers.clientAddress("10.1.2.3", List.of("1.1.1.1", "203.0.113.8"))).isEqualTo("203.0.113.8");
    }

    @Test
    void portsBracketsAndIpv6AreUnderstood() {
        assertThat(balancers.clientAddress("10.1.2.3", List.of("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(balancers.clientAddress("10.1.2.3", List.of("[2001:db8::1]:443"))).isEqualTo("2001:db8::1");
        assertThat(balancers.clientAddress("fd12::1", List.of("2001:DB8::2"))).isEqualTo("2001:db8::2");
        assertThat(balancers.trusts("fdff:ffff::1")).isTrue();
        assertThat(balancers.trusts("fe80::1")).isFalse();
    }

    @Test
    void garbageStopsTheWalkAtTheLastVouchedAddress() {
        assertThat(balancers.clientAddress("10.1.2.3", List.of("unknown"))).isEqualTo("10.1.2.3");
        assertThat(balancers.clientAddress("10.1.2.3", List.of("evil.example.com, 10.2.2.2"))).isEqualTo("10.2.2.2");
        assertThat(balancers.clientAddress("10.1.2.3", List.of("999.1.1.1"))).isEqualTo("10.1.2.3");
        assertThat(balancers.clientAddress("10.1.2.3", List.of(""))).isEqualTo("10.1.2.3");
    }

    @Test
    void aChainOfOnlyTrustedHopsGivesTheLeftMost() {
        assertThat(balancers.clientAddress("10.1.2.3", List.of("10.7.7.7, 10.8.8.8"))).isEqualTo("10.7.7.7");
    }

    @Test
    void cidrPrefixesMatchBitwise() {
        TrustedProxies narrow = TrustedProxies.of(List.of("172.16.0.0/12"));
        assertThat(narrow.trusts("172.31.255.255")).isTrue();
        assertThat(narrow.trusts("172.32.0.0")).isFalse();
        assertThat(narrow.trusts("172.15.255.255")).isFalse();
        assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).trusts("8.8.8.8")).isTrue();
        assertThat(narrow.trusts("::ffff:172.16.0.1")).isTrue();
        assertThat(narrow.trusts("not-an-address")).isFalse();
    }

    @Test
    void aMisconfiguredEntryFailsLoudly() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("lb.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
