package com.misty.auth.rest;

import com.misty.auth.security.KeyRing;
import com.misty.auth.security.TokenIssuer;
import com.misty.auth.service.AccountService;
import com.misty.auth.service.LoginService;
import com.misty.auth.service.ServiceAccountService;
import com.misty.auth.service.SessionService;
import com.misty.platform.problem.DomainException;
import com.misty.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;
import java.util.Map;

/** Login, refresh, logout, the caller's own account, the client-credentials grant and the JWKS. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final LoginService login;
    private final SessionService sessions;
    private final AccountService accounts;
    private final ServiceAccountService serviceAccounts;
    private final KeyRing keys;
    private final CurrentUser currentUser;
    private final JsonWebToken jwt;

    public AuthResource(LoginService login, SessionService sessions, AccountService accounts,
                        ServiceAccountService serviceAccounts, KeyRing keys, CurrentUser currentUser, JsonWebToken jwt) {
        this.login = login;
        this.sessions = sessions;
        this.accounts = accounts;
        this.serviceAccounts = serviceAccounts;
        this.keys = keys;
        this.currentUser = currentUser;
        this.jwt = jwt;
    }

    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "401: INVALID_CREDENTIALS; 403: ACCOUNT_DISABLED; 429: TOO_MANY_ATTEMPTS (lockout; Retry-After)")
    public SessionResponse login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        return SessionResponse.of(login.login(request.username(), request.password(), clientAddress(http)));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "401: INVALID_REFRESH_TOKEN, REFRESH_TOKEN_REUSED (the whole login is revoked), UNAUTHORIZED (session ended); 403: ACCOUNT_DISABLED")
    public SessionResponse refresh(@Valid @NotNull RefreshRequest request) {
        return SessionResponse.of(sessions.refresh(request.refreshToken()));
    }

    @POST
    @Path("/logout")
    @Authenticated
    @ResponseStatus(204)
    @APIResponse(responseCode = "204", description = "Done")
    public void logout() {
        sessions.logout(currentUser.id(), jwt.getClaim(TokenIssuer.SESSION_CLAIM));
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    @ResponseStatus(204)
    @APIResponse(responseCode = "204", description = "Done")
    public void logoutAll() {
        sessions.logoutEverywhere(currentUser.id(), "logout_all");
    }

    @GET
    @Path("/me")
    @Authenticated
    public UserView me() {
        return UserView.of(accounts.me(currentUser.id(), issuedAt()));
    }

    @POST
    @Path("/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204", description = "Done")
    @Extension(name = "x-misty-problems", value = "429: TOO_MANY_ATTEMPTS (wrong current passwords count toward the lockout)")
    public void changePassword(@Valid @NotNull ChangePasswordRequest request, @Context HttpServerRequest http) {
        accounts.changePassword(currentUser.id(), jwt.getClaim(TokenIssuer.SESSION_CLAIM), issuedAt(),
                request.currentPassword(), request.newPassword(), clientAddress(http));
    }

    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Extension(name = "x-misty-problems", value = "401: INVALID_CLIENT; 403: ACCOUNT_DISABLED; 429: TOO_MANY_ATTEMPTS")
    public ServiceTokenResponse tokenFromForm(@FormParam("grant_type") String grantType,
                                              @FormParam("client_id") String clientId,
                                              @FormParam("client_secret") String clientSecret,
                                              @Context HttpServerRequest http) {
        return clientCredentials(new ClientCredentialsRequest(grantType, clientId, clientSecret), http);
    }

    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "401: INVALID_CLIENT; 403: ACCOUNT_DISABLED; 429: TOO_MANY_ATTEMPTS")
    public ServiceTokenResponse tokenFromJson(@Valid @NotNull ClientCredentialsRequest request,
                                              @Context HttpServerRequest http) {
        return clientCredentials(request, http);
    }

    @GET
    @Path("/jwks")
    @PermitAll
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    private ServiceTokenResponse clientCredentials(ClientCredentialsRequest request, HttpServerRequest http) {
        if (!"client_credentials".equals(request.grantType())) {
            throw DomainException.badRequest("UNSUPPORTED_GRANT_TYPE", "Only grant_type=client_credentials is supported here.");
        }
        TokenIssuer.AccessToken token = serviceAccounts.token(request.clientId(), request.clientSecret(), clientAddress(http));
        return new ServiceTokenResponse(token.token(), "bearer", token.expiresInSeconds());
    }

    private Instant issuedAt() {
        return Instant.ofEpochSecond(jwt.getIssuedAtTime());
    }

    /** With proxy-address forwarding on, this is the address the trusted gateway saw (X-Forwarded-For). */
    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
