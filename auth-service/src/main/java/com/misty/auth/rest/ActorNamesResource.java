package com.misty.auth.rest;

import com.misty.auth.service.ActorDirectory;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.LinkedHashSet;
import java.util.List;

/** Names for the actor ids the other services record ("who"), for every signed-in role: the UI shows names. */
@Path("/api/auth/names")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION, Roles.EMPLOYEE})
public class ActorNamesResource {

    /** At most this many ids per request: a screen's worth (a page of history or ledger rows). */
    static final int MAX_IDS = 100;

    private final ActorDirectory directory;

    public ActorNamesResource(ActorDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "The names of the given actor ids (users and service accounts), for showing \"who\"; unknown ids are left out")
    public List<ActorDirectory.Actor> names(
            @QueryParam("id") @NotEmpty @Size(max = MAX_IDS) List<@NotEmpty @Size(max = 64) String> ids) {
        return directory.find(new LinkedHashSet<>(ids));
    }
}
