package com.misty.orders.domain;

import com.misty.platform.problem.DomainException;

/** The problems client endpoints, and orders naming a client, answer with. */
public final class ClientProblems {

    public static final String VERSION_CONFLICT_DETAIL = "Client was modified by another user. Please refresh and try again.";

    private ClientProblems() {
    }

    public static DomainException versionConflict(Client current) {
        return DomainException.conflict("VERSION_CONFLICT", VERSION_CONFLICT_DETAIL)
                .with("current_version", current.version())
                .with("current_client", current);
    }

    public static DomainException notFound(String id) {
        return DomainException.notFound("Client", id);
    }

    public static DomainException codeTaken(String code) {
        return DomainException.conflict("CLIENT_CODE_TAKEN", "Client code " + code + " is already taken.")
                .with("field", "code");
    }

    /** An order must name a client that exists: bad input, not a missing resource of the order endpoint. */
    public static DomainException unknownClient(String id) {
        return DomainException.badRequest("UNKNOWN_CLIENT", "Client " + id + " does not exist.").with("field", "client_id");
    }

    public static DomainException inactiveClient(Client client) {
        return DomainException.badRequest("CLIENT_INACTIVE", "Client " + client.code() + " (" + client.name()
                + ") is deactivated; new orders cannot be placed for it.").with("field", "client_id");
    }
}
