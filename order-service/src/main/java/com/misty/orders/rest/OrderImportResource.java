package com.misty.orders.rest;

import com.misty.orders.domain.OrderStatus;
import com.misty.contracts.imports.UnmappedFields;
import com.misty.orders.domain.OriginalClientMapping;
import com.misty.orders.domain.OriginalOrderMapping;
import com.misty.orders.service.ClientImportService;
import com.misty.orders.service.OrderImportService;
import com.misty.platform.problem.DomainException;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import com.misty.platform.validation.ImportTables;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Import from the original system (admin only): this service maps and validates its own records. */
@Path("/api/orders/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OrderImportResource {

    /** An imported order is never left waiting for a saga that will not run, nor marked unrecognised on purpose. */
    private static final Set<String> IMPORT_TARGETS = Set.of(OrderStatus.CONFIRMED.name(), OrderStatus.IN_PRODUCTION.name(),
            OrderStatus.COMPLETED.name(), OrderStatus.REJECTED.name(), OrderStatus.CANCELLED.name());

    private final OrderImportService imports;
    private final ClientImportService clientImports;
    private final CurrentUser user;

    public OrderImportResource(OrderImportService imports, ClientImportService clientImports, CurrentUser user) {
        this.imports = imports;
        this.clientImports = clientImports;
        this.user = user;
    }

    @POST
    @Operation(summary = "Import clients and orders of the original system, keeping their ids: per record imported, "
            + "already present, renumbered (a duplicate order number or client code, with a -DUPn suffix) or rejected "
            + "with the reason; idempotent; dry_run writes nothing")
    @Extension(name = "x-misty-problems", value = "400: INVALID_STATUS_MAP, NOTHING_TO_IMPORT, VALIDATION_FAILED")
    public ImportReport importOrders(@NotNull @Valid ImportOrdersRequest request) {
        if (request.clients() == null && request.orders() == null) {
            throw DomainException.badRequest("NOTHING_TO_IMPORT", "Send the original's clients, orders or both.");
        }
        Map<String, String> statusMap = ImportTables.requireTargets(request.statusMap(), IMPORT_TARGETS,
                "INVALID_STATUS_MAP", "status_map", "an original status");
        List<Map<String, Object>> clients = request.clients() == null ? List.of() : request.clients();
        List<Map<String, Object>> orders = request.orders() == null ? List.of() : request.orders();
        List<ClientImportService.ClientOutcome> clientOutcomes = clientImports.importClients(clients, request.dryRun(), user.id());
        List<OrderImportService.RecordOutcome> orderOutcomes = imports.importOrders(orders, statusMap, request.dryRun(), user.id());
        Map<String, Map<String, Long>> unmapped = new LinkedHashMap<>();
        unmapped.put("clients", UnmappedFields.count(clients, OriginalClientMapping.KNOWN_FIELDS));
        unmapped.put("orders", UnmappedFields.count(orders, OriginalOrderMapping.KNOWN_FIELDS));
        return ImportReport.of(orderOutcomes, clientOutcomes, unmapped, request.dryRun());
    }
}
