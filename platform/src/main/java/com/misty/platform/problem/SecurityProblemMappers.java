package com.misty.platform.problem;

import com.misty.platform.security.PlausibleAccessToken;
import com.misty.platform.security.SigningKeys;
import com.misty.platform.security.revocation.RevocationsNotReadyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;
import java.util.List;

/**
 * 401 and 403 as problem+json; a 401 tells a Bearer client its token was refused (RFC 6750). While the signing keys
 * are not loaded, a token that is not visibly bad gets 503 with {@code Retry-After} instead: the service cannot
 * tell, and a 401 would sign a UI's user out for the service's own gap.
 */
public class SecurityProblemMappers {

    private static final String RETRY_AFTER_SECONDS = "2";

    private final Instance<SigningKeys> signingKeys;
    private final PlausibleAccessToken plausible;

    public SecurityProblemMappers(Instance<SigningKeys> signingKeys,
                                  @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                                  @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audiences,
                                  @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int skewSeconds) {
        this.signingKeys = signingKeys;
        this.plausible = new PlausibleAccessToken(issuer, audiences, Duration.ofSeconds(skewSeconds));
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers) {
        if (keysMissing() && plausible.test(bearerToken(headers))) {
            return Response.fromResponse(Problem.of(503, "SIGNING_KEYS_UNAVAILABLE",
                            "This service cannot check access tokens yet (the signing keys are not loaded); "
                                    + "try again shortly.").toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
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

    private boolean keysMissing() {
        return signingKeys.isResolvable() && !signingKeys.get().loaded();
    }

    private static String bearerToken(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
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
