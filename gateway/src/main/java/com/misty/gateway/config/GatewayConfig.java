package com.misty.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the gateway reads from configuration, under {@code misty.gateway.*}. */
@ConfigMapping(prefix = "misty.gateway")
public interface GatewayConfig {

    Routes routes();

    Proxy proxy();

    CircuitBreaker circuitBreaker();

    Jwt jwt();

    Throttle throttle();

    Live live();

    Revocations revocations();

    /**
     * Addresses or CIDR ranges of the load balancers / reverse proxies in front of the gateway. Only when the TCP
     * peer is one of them is its {@code X-Forwarded-For} believed (the right-most untrusted address is the client).
     * Empty (the default): the gateway is the edge and client-sent forwarding headers are ignored.
     */
    Optional<List<String>> trustedProxies();

    /**
     * Base URLs of the services, e.g. {@code http://localhost:8082}; each may list several replicas, comma
     * separated ({@code http://127.0.0.1:8082,http://127.0.0.1:8087}), which the gateway balances and health-checks.
     */
    interface Routes {
        List<String> auth();

        List<String> inventory();

        List<String> payroll();

        List<String> orders();
    }

    /** Readiness polling of the upstreams of every service that lists more than one (proxy/UpstreamHealthChecks). */
    HealthCheck healthCheck();

    interface HealthCheck {
        /** How often each upstream's {@code /q/health/ready} is asked. */
        @WithDefault("2s")
        Duration interval();

        /** An answer slower than this fails the check (the upstream leaves the rotation until one passes). */
        @WithDefault("1s")
        Duration timeout();
    }

    interface Proxy {
        /** How long to wait for a TCP connection to a service. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** How long a service may stay silent (no headers, no body bytes) before the caller gets 504. */
        @WithDefault("10s")
        Duration responseTimeout();

        /** Largest request body passed on; larger ones get 413. */
        @WithDefault("1048576")
        long maxBodyBytes();

        /** Keep-alive connections per service and event loop (each event loop has its own pool, see ServiceProxy). */
        @WithDefault("32")
        int maxConnectionsPerService();
    }

    interface CircuitBreaker {
        /** Consecutive failures (refused, timed out, 502/503/504) that open an upstream's circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 before one trial request is let through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Jwt {
        @WithDefault("https://auth.misty.local")
        String issuer();

        @WithDefault("misty-suite")
        String audience();

        /** Where auth-service publishes its keys; defaults to {@code <routes.auth>/api/auth/jwks}. */
        Optional<String> jwksUrl();

        /** An unknown {@code kid} refetches the key set at most this often (a flood of random kids cannot hammer auth-service). */
        @WithDefault("5s")
        Duration jwksMinRefetchInterval();

        /** The key set is refreshed in the background this often even when every kid is known. */
        @WithDefault("10m")
        Duration jwksMaxAge();

        @WithDefault("30s")
        Duration clockSkew();

        /**
         * A token that verified is remembered this long (at most until it expires), so repeated requests skip the
         * RSA check; revocation is still checked on every request.
         */
        @WithDefault("60s")
        Duration verifiedCacheTtl();

        /** Most verified tokens remembered at once. */
        @WithDefault("10000")
        int verifiedCacheSize();

        /** Tokens longer than this are refused unparsed. */
        @WithDefault("8192")
        int maxTokenLength();
    }

    interface Throttle {
        /**
         * Login, refresh and token requests per client address and endpoint (refreshes never use up logins):
         * burst size. High enough for an office behind one proxy signing in at nine; wrong passwords are
         * auth-service's to count, per account.
         */
        @WithDefault("100")
        int credentialBurst();

        /** Login, refresh and token requests per client address and endpoint: sustained requests per minute. */
        @WithDefault("300")
        double credentialPerMinute();

        /** Authenticated requests per user: burst size. */
        @WithDefault("200")
        int userBurst();

        /** Authenticated requests per user: sustained requests per second. */
        @WithDefault("50")
        double userPerSecond();

        /** Most addresses or users tracked at once (memory bound). */
        @WithDefault("100000")
        int maxTrackedKeys();
    }

    interface Live {
        /** Topics whose events are pushed on {@code /api/events/stream}. */
        @WithDefault("orders.events,inventory.events,inventory.stock-levels,payroll.events,auth.events")
        List<String> topics();

        /** Comment lines sent this often keep proxies from closing an idle stream. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Recent events kept for {@code Last-Event-ID} resumption. */
        @WithDefault("2048")
        int replayBufferSize();

        /** Events waiting for one slow client; when it overflows, that client is disconnected. */
        @WithDefault("256")
        int clientQueueSize();

        /** Most open streams at once. */
        @WithDefault("2000")
        int maxStreams();

        /** Most open streams of one user (or service account) at once: nobody takes all the slots. */
        @WithDefault("5")
        int maxStreamsPerUser();

        /** Name of the cookie that may carry the access token for EventSource clients. */
        @WithDefault("misty_access_token")
        String tokenCookie();
    }

    interface Revocations {
        /** The topic with {@code SessionsRevoked} and {@code UserDeactivated}. */
        @WithDefault("auth.events")
        String topic();

        /** Startup waits at most this long for the revocation history to be replayed. */
        @WithDefault("20s")
        Duration startupWait();
    }

    /** Browser-facing response headers (rest/SecurityHeaders). */
    Headers headers();

    interface Headers {
        /** Send HSTS: only when the suite is served over TLS (over plain HTTP it would lock browsers out). */
        @WithDefault("false")
        boolean hsts();

        @WithDefault("365d")
        Duration hstsMaxAge();
    }
}
