package com.misty.auth.rest;

import com.misty.auth.security.KeyRing;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** The JWKS at its conventional address, for verifiers that look there. */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    private final KeyRing keys;

    public WellKnownResource(KeyRing keys) {
        this.keys = keys;
    }

    @GET
    @Path("/jwks.json")
    @PermitAll
    public Map<String, Object> jwks() {
        return keys.jwks();
    }
}
