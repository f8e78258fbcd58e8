package com.misty.gateway.proxy;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.CircuitBreaker;
import com.misty.gateway.domain.Downstream;
import com.misty.gateway.domain.HopByHopHeaders;
import com.misty.gateway.http.Problems;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Passes a request to its service and the answer back, streaming both bodies (nothing is buffered whole). A
 * service that refuses connections gives 502, one that stays silent past the response timeout gives 504, and
 * one whose circuit is open gives 503 at once.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    public static final String REQUEST_ID = "X-Request-Id";
    private static final Set<HttpMethod> BODYLESS_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final Map<Downstream, Target> targets = new EnumMap<>(Downstream.class);
    /**
     * One client per event loop. A pooled connection belongs to the event loop that opened it; with one shared
     * client a request accepted on one loop often rides another loop's connection, and every callback of the
     * exchange then hops threads (a task hand-off and a wake-up each). With a client per loop the whole exchange,
     * both sockets, stays on the thread that accepted the request. The clients are made at startup, not on the
     * first request of each loop, so no request waits for a client to be made.
     */
    private final Map<Thread, HttpClient> clientsByEventLoop = new ConcurrentHashMap<>();
    /** For a call from outside an event loop (none today) or before startup has made the others; only slower. */
    private final HttpClient sharedClient;
    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    private final long maxBodyBytes;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;

    private final ClientAddresses clientAddresses;

    public ServiceProxy(Vertx vertx, GatewayConfig config, ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
        GatewayConfig.Routes routes = config.routes();
        Map<Downstream, String> urls = Map.of(Downstream.AUTH, routes.auth(), Downstream.INVENTORY, routes.inventory(),
                Downstream.PAYROLL, routes.payroll(), Downstream.ORDERS, routes.orders());
        urls.forEach((service, url) -> targets.put(service, Target.of(url, new CircuitBreaker(
                config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor(), System::nanoTime))));
        this.maxBodyBytes = config.proxy().maxBodyBytes();
        this.connectTimeoutMillis = config.proxy().connectTimeout().toMillis();
        this.responseTimeoutMillis = config.proxy().responseTimeout().toMillis();
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setConnectTimeout((int) connectTimeoutMillis);
        this.poolOptions = new PoolOptions().setHttp1MaxSize(config.proxy().maxConnectionsPerService())
                .setMaxWaitQueueSize(1024);
        this.sharedClient = vertx.createHttpClient(clientOptions, poolOptions);
    }

    void createClientPerEventLoop(@Observes StartupEvent started) throws Exception {
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            Thread thread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            clientsByEventLoop.put(thread, vertx.createHttpClient(clientOptions, poolOptions));
        }
        LOG.infof("Service connections: one keep-alive pool per service and event loop (%d event loops)",
                clientsByEventLoop.size());
    }

    @PreDestroy
    void close() {
        clientsByEventLoop.values().forEach(HttpClient::close);
        sharedClient.close();
    }

    private HttpClient client() {
        return clientsByEventLoop.getOrDefault(Thread.currentThread(), sharedClient);
    }

    public CircuitBreaker.State circuit(Downstream service) {
        return targets.get(service).breaker().state();
    }

    /** Forwards the (paused) request in {@code ctx} to {@code service}; {@code clientAddress} goes on as X-Forwarded-For. */
    public void forward(RoutingContext ctx, Downstream service, String requestId, String clientAddress) {
        Target target = targets.get(service);
        CircuitBreaker breaker = target.breaker();
        if (!breaker.tryAcquire()) {
            ctx.response().putHeader("Retry-After", Long.toString(breaker.secondsUntilRetry()));
            Problems.send(ctx, 503, "SERVICE_UNAVAILABLE",
                    "The " + service.name().toLowerCase(Locale.ROOT) + " service is unavailable; try again shortly.");
            return;
        }
        HttpServerRequest in = ctx.request();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(target.host()).setPort(target.port()).setSsl(target.ssl())
                .setURI(target.basePath() + ctx.normalizedPath() + (in.query() == null ? "" : "?" + in.query()))
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(responseTimeoutMillis)
                .setHeaders(forwardedHeaders(in, requestId, clientAddress));
        Exchange exchange = new Exchange(ctx, service, breaker, requestId);
        client().request(options).onComplete(opened -> {
            if (opened.failed()) {
                exchange.failed(opened.cause());
            } else {
                exchange.send(opened.result());
            }
        });
    }

    private MultiMap forwardedHeaders(HttpServerRequest in, String requestId, String clientAddress) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        String connection = in.getHeader(HttpHeaders.CONNECTION);
        for (Map.Entry<String, String> header : in.headers()) {
            String name = header.getKey();
            if (!HopByHopHeaders.isHopByHop(name, connection) && !isForwardingHeader(name)) {
                headers.add(name, header.getValue());
            }
        }
        headers.set(REQUEST_ID, requestId);
        // What a client claims about earlier hops is not passed on; only a trusted proxy's word is (see ClientAddresses).
        headers.set(ClientAddresses.X_FORWARDED_FOR, clientAddress);
        boolean behindTrustedProxy = clientAddresses.peerTrusted(in);
        String proto = behindTrustedProxy ? lastValue(in, "X-Forwarded-Proto") : null;
        headers.set("X-Forwarded-Proto", proto != null ? proto : in.scheme() == null ? "http" : in.scheme());
        String host = behindTrustedProxy ? lastValue(in, "X-Forwarded-Host") : null;
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        } else if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        return headers;
    }

    /** The right-most value of a possibly repeated, comma-separated header: the one the nearest proxy set. */
    private static String lastValue(HttpServerRequest in, String name) {
        java.util.List<String> values = in.headers().getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        String last = values.get(values.size() - 1);
        String value = last.substring(last.lastIndexOf(',') + 1).trim();
        return value.isEmpty() || !value.matches("[A-Za-z0-9.:\\[\\]-]{1,255}") ? null : value;
    }

    private static boolean isForwardingHeader(String name) {
        return name.regionMatches(true, 0, "x-forwarded-", 0, 12) || name.equalsIgnoreCase("forwarded")
                || name.equalsIgnoreCase(REQUEST_ID);
    }

    /** One request on its way through: streams the body up, the answer down, and reports to the breaker once. */
    private final class Exchange {
        private final RoutingContext ctx;
        private final Downstream service;
        private final CircuitBreaker breaker;
        private final String requestId;
        private boolean settled;
        private boolean abandoned;
        private long bodyBytes;
        private boolean waitingForDrain;

        Exchange(RoutingContext ctx, Downstream service, CircuitBreaker breaker, String requestId) {
            this.ctx = ctx;
            this.service = service;
            this.breaker = breaker;
            this.requestId = requestId;
        }

        void send(HttpClientRequest upstream) {
            HttpServerRequest in = ctx.request();
            HttpServerResponse out = ctx.response();
            boolean lengthKnown = in.getHeader(HttpHeaders.CONTENT_LENGTH) != null;
            if (!lengthKnown && hasBody(in)) {
                upstream.setChunked(true);
            }
            upstream.response().onComplete(answered -> {
                if (answered.failed()) {
                    failed(answered.cause());
                } else {
                    relay(answered.result());
                }
            });
            out.closeHandler(closed -> {
                if (!out.ended()) {
                    abandoned = true;
                    upstream.reset();
                }
            });
            RequestBody.of(ctx).attach(new RequestBody.Sink() {
                @Override
                public void chunk(Buffer chunk) {
                    if (abandoned) {
                        return;
                    }
                    bodyBytes += chunk.length();
                    if (bodyBytes > maxBodyBytes) {
                        tooLarge(upstream);
                        return;
                    }
                    upstream.write(chunk);
                    if (upstream.writeQueueFull()) {
                        waitingForDrain = true;
                        in.pause();
                        upstream.drainHandler(drained -> {
                            waitingForDrain = false;
                            if (!in.isEnded()) {
                                in.resume();
                            }
                        });
                    }
                }

                @Override
                public void end() {
                    if (!abandoned) {
                        upstream.end();
                    }
                }

                @Override
                public void failed(Throwable error) {
                    abandoned = true;
                    upstream.reset();
                }
            });
            // What was held may already have filled the service's write queue.
            if (!waitingForDrain && !in.isEnded()) {
                in.resume();
            }
        }

        private void tooLarge(HttpClientRequest upstream) {
            if (abandoned) {
                return;
            }
            abandoned = true;
            settled = true;
            upstream.reset();
            RequestBody.of(ctx).discard();
            // The rest of the body is never read: close the connection after answering.
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.send(ctx, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + maxBodyBytes + " bytes.");
        }

        private void relay(HttpClientResponse answer) {
            int status = answer.statusCode();
            if (status == 502 || status == 503 || status == 504) {
                settle(false);
            } else {
                settle(true);
            }
            HttpServerResponse out = ctx.response();
            if (abandoned || out.ended()) {
                return;
            }
            out.setStatusCode(status);
            out.setStatusMessage(answer.statusMessage());
            String connection = answer.getHeader(HttpHeaders.CONNECTION);
            for (Map.Entry<String, String> header : answer.headers()) {
                if (!HopByHopHeaders.isHopByHop(header.getKey(), connection)) {
                    out.headers().add(header.getKey(), header.getValue());
                }
            }
            out.headers().set(REQUEST_ID, requestId);
            boolean bodyless = ctx.request().method() == HttpMethod.HEAD || status == 204 || status == 304;
            if (!bodyless && answer.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                out.setChunked(true);
            }
            answer.pipeTo(out).onFailure(error -> {
                LOG.debugf("[%s] response from %s broke off: %s", requestId, service, error.getMessage());
                out.reset();
            });
        }

        void failed(Throwable cause) {
            if (abandoned) {
                return;
            }
            settle(false);
            RequestBody.of(ctx).discard();
            String name = service.name().toLowerCase(Locale.ROOT);
            if (ctx.response().headWritten()) {
                ctx.response().reset();
            } else if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException) {
                LOG.warnf("[%s] %s timed out: %s", requestId, name, cause.getMessage());
                Problems.send(ctx, 504, "GATEWAY_TIMEOUT", "The " + name + " service did not answer in time.");
            } else {
                LOG.warnf("[%s] %s unreachable: %s", requestId, name, cause.getMessage());
                Problems.send(ctx, 502, "BAD_GATEWAY", "The " + name + " service could not be reached.");
            }
        }

        private void settle(boolean success) {
            if (settled) {
                return;
            }
            settled = true;
            if (success) {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
        }

        /**
         * Whether a request without Content-Length carries a body: HTTP/1.x says so with Transfer-Encoding, but
         * HTTP/2 (h2c included) has no Transfer-Encoding and clients may omit Content-Length for a body they stream.
         */
        private boolean hasBody(HttpServerRequest in) {
            if (in.version() == HttpVersion.HTTP_2) {
                return !BODYLESS_METHODS.contains(in.method());
            }
            return in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        }
    }

    /** Where a service listens, and its circuit. */
    record Target(String host, int port, boolean ssl, String basePath, CircuitBreaker breaker) {
        static Target of(String url, CircuitBreaker breaker) {
            URI uri = URI.create(url);
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new Target(uri.getHost(), port, ssl, path, breaker);
        }
    }
}
