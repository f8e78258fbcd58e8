package com.misty.platform.problem;

import com.misty.platform.security.revocation.RevocationsNotReadyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as problem+json; a 401 tells a Bearer client its token was refused (RFC 6750). */
public class SecurityProblemMappers {

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers) {
        return unauthorized(headers, "The access token is missing, invalid or expired.");
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers) {
        return unauthorized(headers, "Authentication is required.");
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "FORBIDDEN", "You are not allowed to do this.").toResponse();
    }

    /** Fail closed while the revocation history is being read: the client retries shortly. */
    @ServerExceptionMapper(priority = 1)
    public Response revocationsNotReady(RevocationsNotReadyException e) {
        return Response.fromResponse(Problem.of(503, "STARTING",
                "The service is still starting; try again shortly.").toResponse()).header("Retry-After", "2").build();
    }

    private static Response unauthorized(HttpHeaders headers, String detail) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String challenge = authorization == null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return Response.fromResponse(Problem.of(401, "UNAUTHORIZED", detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
