package com.misty.gateway.proxy;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.CircuitBreaker;
import com.misty.gateway.domain.Downstream;
import com.misty.gateway.domain.Upstream;
import com.misty.gateway.domain.UpstreamSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The upstreams (replicas) of every service, read from {@code misty.gateway.routes.*}: one base URL, or several
 * separated by commas. A malformed or repeated URL fails the start, naming the setting.
 */
@ApplicationScoped
public class Upstreams {

    private final Map<Downstream, UpstreamSet> sets = new EnumMap<>(Downstream.class);

    public Upstreams(GatewayConfig config) {
        GatewayConfig.Routes routes = config.routes();
        Map<Downstream, List<String>> urls = Map.of(Downstream.AUTH, routes.auth(), Downstream.INVENTORY,
                routes.inventory(), Downstream.PAYROLL, routes.payroll(), Downstream.ORDERS, routes.orders());
        urls.forEach((service, list) -> sets.put(service, read(service, list, config.circuitBreaker())));
    }

    private static UpstreamSet read(Downstream service, List<String> urls, GatewayConfig.CircuitBreaker circuit) {
        try {
            List<Upstream> upstreams = new ArrayList<>();
            for (String url : urls) {
                if (!url.isBlank()) {
                    upstreams.add(Upstream.parse(url, new CircuitBreaker(circuit.failureThreshold(), circuit.openFor(),
                            System::nanoTime)));
                }
            }
            return new UpstreamSet(upstreams);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("misty.gateway.routes." + name(service) + ": " + e.getMessage(), e);
        }
    }

    public UpstreamSet of(Downstream service) {
        return sets.get(service);
    }

    /**
     * Base URLs of {@code service} for the gateway's own reads (JWKS, OpenAPI documents), those in rotation first:
     * a caller tries them in this order until one answers.
     */
    public List<String> baseUrls(Downstream service) {
        List<String> ready = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Upstream upstream : sets.get(service).upstreams()) {
            (upstream.available() ? ready : others).add(upstream.url());
        }
        ready.addAll(others);
        return ready;
    }

    /** Lower-case service name as in the settings and metrics ({@code inventory}). */
    public static String name(Downstream service) {
        return service.name().toLowerCase(Locale.ROOT);
    }
}
