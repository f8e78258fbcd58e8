package com.misty.gateway.proxy;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.TrustedProxies;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The client's address for a request: the TCP peer, or what a trusted proxy in front says (see {@link TrustedProxies}). */
@ApplicationScoped
public class ClientAddresses {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies trusted;

    public ClientAddresses(GatewayConfig config) {
        this.trusted = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
    }

    public String of(HttpServerRequest request) {
        String peer = peer(request);
        if (trusted.isEmpty()) {
            return peer;
        }
        return trusted.clientAddress(peer, request.headers().getAll(X_FORWARDED_FOR));
    }

    /** Whether the request came straight from a configured proxy (whose forwarding headers are then believed). */
    public boolean peerTrusted(HttpServerRequest request) {
        return !trusted.isEmpty() && trusted.trusts(peer(request));
    }

    private static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
