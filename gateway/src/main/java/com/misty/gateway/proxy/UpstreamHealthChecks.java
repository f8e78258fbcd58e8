package com.misty.gateway.proxy;

import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.Downstream;
import com.misty.gateway.domain.Upstream;
import com.misty.gateway.domain.UpstreamSet;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks every upstream of a service with more than one ({@link UpstreamSet#checked()}) for {@value #READINESS}
 * every {@code health-check.interval}: a 200 within {@code health-check.timeout} puts it (back) in rotation,
 * anything else — another status, a refused connection, silence — takes it out. Only changes are logged.
 */
@ApplicationScoped
public class UpstreamHealthChecks {

    static final String READINESS = "/q/health/ready";
    private static final Logger LOG = Logger.getLogger(UpstreamHealthChecks.class);

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final long intervalMillis;
    private final long timeoutMillis;
    /** A check still waiting for its answer is not started again (an upstream that hangs gets one at a time). */
    private final Set<Upstream> checking = ConcurrentHashMap.newKeySet();
    private HttpClient client;
    private long timer = -1;

    public UpstreamHealthChecks(Vertx vertx, Upstreams upstreams, GatewayConfig config) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.intervalMillis = config.healthCheck().interval().toMillis();
        this.timeoutMillis = config.healthCheck().timeout().toMillis();
    }

    void start(@Observes StartupEvent started) {
        boolean any = false;
        for (Downstream service : Downstream.values()) {
            any |= upstreams.of(service).checked();
        }
        if (!any) {
            return;
        }
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) timeoutMillis).setMaxPoolSize(2));
        checkAll();
        timer = vertx.setPeriodic(intervalMillis, id -> checkAll());
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (client != null) {
            client.close();
        }
    }

    private void checkAll() {
        for (Downstream service : Downstream.values()) {
            UpstreamSet set = upstreams.of(service);
            if (set.checked()) {
                set.upstreams().forEach(upstream -> check(service, upstream));
            }
        }
    }

    private void check(Downstream service, Upstream upstream) {
        if (!checking.add(upstream)) {
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.ssl())
                .setURI(upstream.basePath() + READINESS)
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
        client.request(options)
                .compose(request -> request.send())
                // The body is read either way, so the connection goes back to the pool for the next check.
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(answered -> {
                    checking.remove(upstream);
                    boolean ready = answered.succeeded() && answered.result() == 200;
                    if (upstream.ready(ready)) {
                        String why = answered.succeeded() ? "readiness answered " + answered.result()
                                : answered.cause().toString();
                        if (ready) {
                            LOG.infof("%s upstream %s is back in rotation", Upstreams.name(service), upstream);
                        } else {
                            LOG.warnf("%s upstream %s is out of rotation: %s", Upstreams.name(service), upstream, why);
                        }
                    }
                });
    }
}
