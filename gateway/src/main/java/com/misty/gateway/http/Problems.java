package com.misty.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.misty.platform.events.EventJson;
import com.misty.platform.problem.Problem;
import com.misty.platform.problem.ProblemCounter;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a gateway-level refusal as problem+json, the same shape the services use. In a package of its own because
 * the routes, the proxy and the live stream all answer this way and none of them should depend on another for it.
 */
public final class Problems {

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String code, String detail) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            return;
        }
        String body;
        Problem problem = Problem.of(status, code, detail);
        ProblemCounter.count(problem);
        try {
            body = EventJson.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + ",\"code\":\"" + code + "\"}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
