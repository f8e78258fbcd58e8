package com.misty.gateway.domain;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One replica of a service behind the gateway: where it listens, its own circuit, whether it is in rotation (its
 * last readiness check passed and it has not refused a connection since), and how many requests it is serving now.
 */
public final class Upstream {

    private final String url;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String basePath;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder sentElsewhere = new LongAdder();
    /** In rotation until a check or a refused connection says otherwise: a starting gateway must not 503 for nothing. */
    private volatile boolean ready = true;

    private Upstream(String url, String host, int port, boolean ssl, String basePath, CircuitBreaker breaker) {
        this.url = url;
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.basePath = basePath;
        this.breaker = breaker;
    }

    /** Reads a base URL such as {@code http://127.0.0.1:8082}; anything else than http(s) with a host is refused. */
    public static Upstream parse(String url, CircuitBreaker breaker) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: '" + url + "'", e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Not an http(s) base URL: '" + url + "'");
        }
        boolean ssl = scheme.equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new Upstream(url.trim().replaceAll("/+$", ""), uri.getHost(), port, ssl, path, breaker);
    }

    /** The base URL as configured (without a trailing slash), for logs, metrics and the gateway's own reads. */
    public String url() {
        return url;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean ssl() {
        return ssl;
    }

    /** Path prefix of the base URL ("" for none), put before every forwarded path. */
    public String basePath() {
        return basePath;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public boolean ready() {
        return ready;
    }

    /** Records the latest verdict; returns whether it changed (the caller logs transitions only). */
    public boolean ready(boolean nowReady) {
        boolean was = ready;
        ready = nowReady;
        return was != nowReady;
    }

    /** Ready and its circuit not refusing: what the gauge of upstreams in rotation counts. */
    public boolean available() {
        return ready && !breaker.refusing();
    }

    public int inFlight() {
        return inFlight.get();
    }

    void started() {
        inFlight.incrementAndGet();
    }

    /** One request that {@link UpstreamSet#acquire} gave this upstream is over (call exactly once per acquire). */
    public void finished() {
        inFlight.decrementAndGet();
    }

    /** A request this upstream could not take was sent on to another one (the counter behind the retries metric). */
    public void sentElsewhere() {
        sentElsewhere.increment();
    }

    public long requestsSentElsewhere() {
        return sentElsewhere.sum();
    }

    @Override
    public String toString() {
        return url;
    }
}
