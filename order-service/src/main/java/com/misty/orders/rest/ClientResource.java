package com.misty.orders.rest;

import com.misty.orders.domain.Client;
import com.misty.orders.domain.ClientFilter;
import com.misty.orders.domain.ClientPage;
import com.misty.orders.service.ClientService;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Clients orders are placed for: list and search, read, create, edit with optimistic locking, (de)activate. */
@Path("/api/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION})
public class ClientResource {

    private final ClientService clients;
    private final CurrentUser user;

    public ClientResource(ClientService clients, CurrentUser user) {
        this.clients = clients;
        this.user = user;
    }

    @GET
    @Operation(summary = "Clients by name; q matches the start of the code or any part of the name; active filters")
    public ClientPage list(@QueryParam("q") @Size(max = 200) String q,
                           @QueryParam("active") @Pattern(regexp = "true|false", message = "must be true or false") String active,
                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String text = q == null || q.isBlank() ? null : q.strip();
        return clients.list(new ClientFilter(text, active == null ? null : Boolean.valueOf(active)), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One client; the ETag carries its version")
    @APIResponse(responseCode = "200", description = "The client", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Client.class)))
    public Response get(@PathParam("id") String id) {
        return withVersion(Response.ok(), clients.get(id));
    }

    @POST
    @Operation(summary = "Create a client (active, version 1); ClientCreated")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Client.class)))
    @Extension(name = "x-misty-problems", value = "409: CLIENT_CODE_TAKEN")
    public Response create(@NotNull @Valid CreateClientRequest request, @Context UriInfo uri) {
        Client client = clients.create(request.toNewClient(), user.id());
        return withVersion(Response.created(uri.getAbsolutePathBuilder().path(client.id()).build()), client);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change the fields sent, based on a version (body \"version\" or If-Match); ClientUpdated")
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (stale version; body has current_version and current_client), CLIENT_CODE_TAKEN; "
            + "428: VERSION_REQUIRED (neither 'version' nor If-Match was sent)")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Client.class)))
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull @Valid PatchClientRequest request) {
        long base = BaseVersion.required(request.version(), ifMatch);
        return withVersion(Response.ok(), clients.edit(id, base, request.toChanges(), user.id()));
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Deactivate (no new orders for it; its orders stay); optional If-Match; ClientUpdated")
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (If-Match is stale)")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Client.class)))
    public Response deactivate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(Response.ok(), clients.setActive(id, BaseVersion.optional(null, ifMatch), false, user.id()));
    }

    @POST
    @Path("/{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reactivate a deactivated client; optional If-Match; ClientUpdated")
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (If-Match is stale)")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Client.class)))
    public Response activate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(Response.ok(), clients.setActive(id, BaseVersion.optional(null, ifMatch), true, user.id()));
    }

    private static Response withVersion(Response.ResponseBuilder response, Client client) {
        return response.entity(client).tag(new EntityTag(Long.toString(client.version()))).build();
    }
}
