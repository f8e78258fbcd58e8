package com.misty.gateway.proxy;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.Downstream;
import com.misty.gateway.domain.HopByHopHeaders;
import com.misty.gateway.domain.Upstream;
import com.misty.gateway.domain.UpstreamSet;
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

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Passes a request to one upstream (replica) of its service and the answer back, streaming both bodies (nothing
 * is buffered whole). The upstream is chosen by {@link UpstreamSet}; a request that cannot reach it is tried on
 * another only when that is safe (see {@link Exchange}). When every attempt failed: 502 if the last upstream
 * refused or broke the connection, 504 if it stayed silent past the response timeout; 503 at once when every
 * upstream's circuit is open.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    public static final String REQUEST_ID = "X-Request-Id";
    private static final Set<HttpMethod> BODYLESS_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE);
    /**
     * Methods retried on another upstream after the connection broke before an answer: only the safe ones (RFC 9110
     * 9.2.1). DELETE is idempotent but not safe: a retried DELETE that took effect on the first replica would answer
     * 404 and tell the client it failed.
     */
    private static final Set<HttpMethod> RETRIED_AFTER_SENDING = Set.of(HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.OPTIONS);

    private final Upstreams upstreams;
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

    public ServiceProxy(Vertx vertx, GatewayConfig config, ClientAddresses clientAddresses, Upstreams upstreams) {
        this.clientAddresses = clientAddresses;
        this.upstreams = upstreams;
        this.maxBodyBytes = config.proxy().maxBodyBytes();
        this.connectTimeoutMillis = config.proxy().connectTimeout().toMillis();
        this.responseTimeoutMillis = config.proxy().responseTimeout().toMillis();
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setConnectTimeout((int) connectTimeoutMillis);
        // The pool is per host and port, so each upstream of a service has this many connections per event loop.
        this.poolOptions = new PoolOptions().setHttp1MaxSize(config.proxy().maxConnectionsPerService())
                .setMaxWaitQueueSize(1024);
        this.sharedClient = vertx.createHttpClient(clientOptions, poolOptions);
    }

    void createClientPerEventLoop(@Observes StartupEvent started) throws Exception {
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            Thread thread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            clientsByEventLoop.put(thread, vertx.createHttpClient(clientOptions, poolOptions));
        }
        LOG.infof("Service connections: one keep-alive pool per upstream and event loop (%d event loops)",
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

    /** Forwards the (paused) request in {@code ctx} to {@code service}; {@code clientAddress} goes on as X-Forwarded-For. */
    public void forward(RoutingContext ctx, Downstream service, String requestId, String clientAddress) {
        UpstreamSet set = upstreams.of(service);
        Upstream upstream = set.acquire(Set.of());
        if (upstream == null) {
            ctx.response().putHeader("Retry-After", Long.toString(set.secondsUntilRetry()));
            Problems.send(ctx, 503, "SERVICE_UNAVAILABLE",
                    "The " + Upstreams.name(service) + " service is unavailable; try again shortly.");
            return;
        }
        HttpServerRequest in = ctx.request();
        String pathAndQuery = ctx.normalizedPath() + (in.query() == null ? "" : "?" + in.query());
        new Exchange(ctx, service, set, requestId, pathAndQuery, forwardedHeaders(in, requestId, clientAddress))
                .attempt(upstream);
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

    /**
     * One request on its way through: streams the body up and the answer down, over one attempt per upstream.
     * Another upstream is tried (each at most once) only when the first cannot have acted on the request: the
     * connection could not be opened (any method: nothing was sent, and the body is still held by
     * {@link RequestBody}, which hands it to the next attempt), or, for GET, HEAD and OPTIONS without a body, the
     * connection broke before an answer. Never after a timeout (the upstream may still be working on it, and the
     * client would wait twice), never once a body may have reached an upstream, never once the answer has started.
     */
    private final class Exchange {
        private final RoutingContext ctx;
        private final Downstream service;
        private final UpstreamSet set;
        private final String requestId;
        private final String pathAndQuery;
        private final MultiMap headers;
        private Set<Upstream> tried = Set.of();
        private Attempt current;
        private boolean abandoned;
        private long bodyBytes;
        private boolean waitingForDrain;

        Exchange(RoutingContext ctx, Downstream service, UpstreamSet set, String requestId, String pathAndQuery,
                 MultiMap headers) {
            this.ctx = ctx;
            this.service = service;
            this.set = set;
            this.requestId = requestId;
            this.pathAndQuery = pathAndQuery;
            this.headers = headers;
            HttpServerResponse out = ctx.response();
            out.closeHandler(closed -> {
                if (!out.ended()) {
                    abandoned = true;
                    if (current != null) {
                        current.abandon();
                    }
                }
            });
        }

        void attempt(Upstream upstream) {
            Attempt attempt = new Attempt(upstream);
            current = attempt;
            RequestOptions options = new RequestOptions()
                    .setMethod(ctx.request().method())
                    .setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.ssl())
                    .setURI(upstream.basePath() + pathAndQuery)
                    .setConnectTimeout(connectTimeoutMillis)
                    .setIdleTimeout(responseTimeoutMillis)
                    .setHeaders(headers);
            client().request(options).onComplete(opened -> {
                if (opened.failed()) {
                    notConnected(attempt, opened.cause());
                } else if (abandoned) {
                    attempt.request = opened.result();
                    attempt.abandon();
                } else {
                    send(attempt, opened.result());
                }
            });
        }

        /** Nothing reached the upstream: safe to try another for every method. */
        private void notConnected(Attempt attempt, Throwable cause) {
            attempt.settle(false);
            attempt.finish();
            if (set.unreachable(attempt.upstream)) {
                LOG.warnf("%s upstream %s is out of rotation: %s", Upstreams.name(service), attempt.upstream, cause);
            }
            if (!abandoned) {
                retryOrFail(attempt, cause);
            }
        }

        private void retryOrFail(Attempt failed, Throwable cause) {
            Set<Upstream> now = new java.util.HashSet<>(tried);
            now.add(failed.upstream);
            tried = now;
            Upstream next = set.acquire(tried);
            if (next == null) {
                failed(cause);
                return;
            }
            LOG.debugf("[%s] %s upstream %s failed (%s); trying %s", requestId, Upstreams.name(service),
                    failed.upstream, cause.getMessage(), next);
            failed.upstream.sentElsewhere();
            attempt(next);
        }

        private void send(Attempt attempt, HttpClientRequest upstream) {
            attempt.request = upstream;
            HttpServerRequest in = ctx.request();
            boolean lengthKnown = in.getHeader(HttpHeaders.CONTENT_LENGTH) != null;
            if (!lengthKnown && hasBody(in)) {
                upstream.setChunked(true);
            }
            upstream.response().onComplete(answered -> {
                if (answered.failed()) {
                    answerFailed(attempt, answered.cause());
                } else {
                    relay(attempt, answered.result());
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
                        tooLarge(attempt);
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
                    attempt.abandon();
                }
            });
            // What was held may already have filled the service's write queue.
            if (!waitingForDrain && !in.isEnded()) {
                in.resume();
            }
        }

        /** The connection broke or stayed silent before an answer's head. */
        private void answerFailed(Attempt attempt, Throwable cause) {
            if (abandoned) {
                attempt.abandon();
                return;
            }
            attempt.settle(false);
            attempt.finish();
            boolean timedOut = cause instanceof TimeoutException;
            if (!timedOut && bodyBytes == 0 && RETRIED_AFTER_SENDING.contains(ctx.request().method())
                    && !ctx.response().headWritten()) {
                retryOrFail(attempt, cause);
            } else {
                failed(cause);
            }
        }

        private void tooLarge(Attempt attempt) {
            if (abandoned) {
                return;
            }
            abandoned = true;
            attempt.abandon();
            RequestBody.of(ctx).discard();
            // The rest of the body is never read: close the connection after answering.
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.send(ctx, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + maxBodyBytes + " bytes.");
        }

        private void relay(Attempt attempt, HttpClientResponse answer) {
            int status = answer.statusCode();
            attempt.settle(status != 502 && status != 503 && status != 504);
            HttpServerResponse out = ctx.response();
            if (abandoned || out.ended()) {
                attempt.finish();
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
            answer.pipeTo(out).onComplete(piped -> {
                attempt.finish();
                if (piped.failed()) {
                    LOG.debugf("[%s] response from %s broke off: %s", requestId, attempt.upstream,
                            piped.cause().getMessage());
                    out.reset();
                }
            });
        }

        /** Every attempt failed: 504 after a timeout, 502 otherwise (or a reset once the answer had begun). */
        private void failed(Throwable cause) {
            RequestBody.of(ctx).discard();
            String name = Upstreams.name(service);
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

    /**
     * One try on one upstream: reports to that upstream's circuit once (a verdict, or given back when the client
     * left first) and ends its in-flight count once.
     */
    private static final class Attempt {
        private final Upstream upstream;
        private HttpClientRequest request;
        private boolean settled;
        private boolean finished;

        Attempt(Upstream upstream) {
            this.upstream = upstream;
        }

        void settle(boolean success) {
            if (settled) {
                return;
            }
            settled = true;
            if (success) {
                upstream.breaker().onSuccess();
            } else {
                upstream.breaker().onFailure();
            }
        }

        /** The client went away (or the body was refused): no verdict on the upstream, and its request is cut. */
        void abandon() {
            if (!settled) {
                settled = true;
                upstream.breaker().release();
            }
            if (request != null) {
                request.reset();
            }
            finish();
        }

        void finish() {
            if (!finished) {
                finished = true;
                upstream.finished();
            }
        }
    }
}
