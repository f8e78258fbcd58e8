package com.misty.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.misty.platform.events.EventJson;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Requests that reach no route at all (outside every REST resource) also get problem+json rather than an
 * empty or HTML page.
 */
@Singleton
public class UnmatchedRouteHandler {

    void install(@Observes Router router) {
        router.errorHandler(404, ctx -> respond(ctx, Problem.of(404, "NOT_FOUND", "No such resource.")));
        router.errorHandler(405, ctx -> respond(ctx, Problem.of(405, "METHOD_NOT_ALLOWED", "This method is not allowed here.")));
    }

    private static void respond(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            return;
        }
        ProblemCounter.count(problem);
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(EventJson.mapper().writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
