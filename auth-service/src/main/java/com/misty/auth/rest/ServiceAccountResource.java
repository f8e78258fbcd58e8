package com.misty.auth.rest;

import com.misty.auth.service.ServiceAccountService;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** Service accounts for machine clients; admins only. The secret is in the answer once, never again. */
@Path("/api/auth/service-accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ServiceAccountResource {

    private final ServiceAccountService accounts;
    private final CurrentUser currentUser;

    public ServiceAccountResource(ServiceAccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceAccountView.class)))
    @Extension(name = "x-misty-problems", value = "409: NAME_TAKEN")
    public ServiceAccountView create(@Valid @NotNull CreateServiceAccountRequest request) {
        ServiceAccountService.WithSecret created = accounts.create(request.name(), request.roles(), currentUser.id());
        return ServiceAccountView.of(created.account(), created.clientSecret());
    }

    @GET
    public List<ServiceAccountView> list() {
        return accounts.list(currentUser.id()).stream().map(a -> ServiceAccountView.of(a, null)).toList();
    }

    @GET
    @Path("/{id}")
    public ServiceAccountView get(@PathParam("id") String id) {
        return ServiceAccountView.of(accounts.get(id, currentUser.id()), null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT")
    public ServiceAccountView update(@PathParam("id") String id, @Valid @NotNull UpdateServiceAccountRequest request) {
        return ServiceAccountView.of(accounts.update(id, request.active(), request.roles(), request.version(), currentUser.id()), null);
    }

    @POST
    @Path("/{id}/secret")
    public ServiceAccountView rotateSecret(@PathParam("id") String id) {
        ServiceAccountService.WithSecret rotated = accounts.rotateSecret(id, currentUser.id());
        return ServiceAccountView.of(rotated.account(), rotated.clientSecret());
    }
}
