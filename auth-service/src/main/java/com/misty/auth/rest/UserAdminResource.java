package com.misty.auth.rest;

import com.misty.auth.service.UserAdminService;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** User administration; admins only. */
@Path("/api/auth/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserAdminResource {

    private final UserAdminService users;
    private final CurrentUser currentUser;

    public UserAdminResource(UserAdminService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @Extension(name = "x-misty-problems", value = "409: USERNAME_TAKEN")
    public UserView create(@Valid @NotNull CreateUserRequest request) {
        return UserView.of(users.create(new UserAdminService.NewUser(request.username(), request.password(),
                request.role(), request.fullName(), request.email()), currentUser.id()));
    }

    @GET
    public List<UserView> list(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return users.list(offset, limit, currentUser.id()).stream().map(UserView::of).toList();
    }

    @GET
    @Path("/{id}")
    public UserView get(@PathParam("id") String id) {
        return UserView.of(users.get(id, currentUser.id()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (changed since the version sent) or OWN_ACCESS (own role or deactivation)")
    public UserView update(@PathParam("id") String id, @Valid @NotNull UpdateUserRequest request) {
        return UserView.of(users.update(id, new UserAdminService.UserChanges(request.role(), request.active(),
                request.fullName(), request.email(), request.version()), currentUser.id()));
    }

    @POST
    @Path("/{id}/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    public PasswordResetResponse resetPassword(@PathParam("id") String id, @Valid PasswordResetRequest request) {
        String temporary = users.resetPassword(id, request == null ? null : request.newPassword(), currentUser.id());
        return new PasswordResetResponse(id, temporary);
    }
}
