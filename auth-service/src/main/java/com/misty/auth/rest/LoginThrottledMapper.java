package com.misty.auth.rest;

import com.misty.auth.domain.LoginThrottledException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one case platform's mapper cannot express: a 429 must tell the client when to retry (Retry-After). */
public class LoginThrottledMapper {

    @ServerExceptionMapper
    public Response throttled(LoginThrottledException e) {
        return Response.fromResponse(e.toProblem().toResponse())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
