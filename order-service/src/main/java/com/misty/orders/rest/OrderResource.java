package com.misty.orders.rest;

import com.misty.contracts.orders.LineUsage;
import com.misty.orders.domain.HistoryEntry;
import com.misty.orders.domain.Order;
import com.misty.orders.domain.OrderFilter;
import com.misty.orders.domain.OrderPage;
import com.misty.orders.domain.OrderSort;
import com.misty.orders.service.OrderService;
import com.misty.platform.problem.DomainException;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Orders: list, read, place, edit with optimistic locking, cancel. Admin, manager and production only. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION})
public class OrderResource {

    private final OrderService orders;
    private final CurrentUser user;

    public OrderResource(OrderService orders, CurrentUser user) {
        this.orders = orders;
        this.user = user;
    }

    @GET
    @Operation(summary = "Orders: filters by number (exact or prefix), client, status (several), due and created ranges, "
            + "text in contact or notes; sorted by created_at (default, newest first), due_date or order_number; paged with total")
    public OrderPage list(@BeanParam @Valid OrderQuery query,
                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return orders.list(query.toFilter(), query.toSort(), page, size);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The same selection and order as the list, every page, as CSV (RFC 4180, UTF-8, header row)")
    public Response export(@BeanParam @Valid OrderQuery query) {
        OrderFilter filter = query.toFilter();
        OrderSort sort = query.toSort();
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            OrderCsv.header(out);
            orders.export(filter, sort, order -> {
                try {
                    OrderCsv.write(out, order);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"orders.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order; the ETag carries its version")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    public Response get(@PathParam("id") String id) {
        return withVersion(Response.ok(), orders.get(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the order, oldest first: who, when, what kind, each changed field's old and new value")
    public OrderHistoryResponse history(@PathParam("id") String id) {
        List<HistoryEntry> entries = orders.history(id);
        return new OrderHistoryResponse(id, entries.isEmpty() ? 0 : entries.get(entries.size() - 1).version(), entries);
    }

    @POST
    @Operation(summary = "Place an order: saved as PENDING_STOCK, OrderPlaced goes to inventory")
    @APIResponse(responseCode = "201", description = "Placed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    public Response place(@NotNull @Valid CreateOrderRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Order order = orders.place(request.toNewOrder(), user.id());
        return withVersion(Response.created(uri.getAbsolutePathBuilder().path(order.id()).build()), order);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace the editable fields, based on a version (body \"version\" or If-Match)")
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (stale version; body has current_version and current_order), ORDER_AWAITING_STOCK, REVISION_PENDING, LINES_FROZEN (in production) or ORDER_CLOSED; 428: VERSION_REQUIRED (neither 'version' nor If-Match was sent)")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid ReplaceOrderRequest request) {
        long base = BaseVersion.required(request.version(), ifMatch);
        return withVersion(Response.ok(), orders.edit(id, base, request.toChanges(), user.id()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change the fields sent, based on a version (body \"version\" or If-Match)")
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (stale version; body has current_version and current_order), ORDER_AWAITING_STOCK, REVISION_PENDING, LINES_FROZEN (in production) or ORDER_CLOSED; 428: VERSION_REQUIRED (neither 'version' nor If-Match was sent)")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull @Valid PatchOrderRequest request) {
        long base = BaseVersion.required(request.version(), ifMatch);
        return withVersion(Response.ok(), orders.edit(id, base, request.toChanges(), user.id()));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel the order (optionally only if still at the If-Match version); OrderCancelled releases its stock. "
            + "An order in production: managers only, with \"confirm_in_production\": true")
    @Extension(name = "x-misty-problems", value = "409: ORDER_NOT_CANCELLABLE (already rejected, cancelled or completed), "
            + "MANAGER_CONFIRMATION_REQUIRED (in production) or VERSION_CONFLICT (If-Match is stale)")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @RequestBody(required = false) @Valid CancelOrderRequest request) {
        String reason = request == null ? null : request.reason();
        boolean confirm = request != null && Boolean.TRUE.equals(request.confirmInProduction());
        if (confirm && !user.hasAnyRole(Roles.MANAGER, Roles.ADMIN)) {
            throw DomainException.forbidden("Only a manager can confirm cancelling an order in production.");
        }
        return withVersion(Response.ok(), orders.cancel(id, BaseVersion.optional(null, ifMatch), reason, confirm, user.id()));
    }

    /** The same cancel as a bare POST without a body (and so without a content type). */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public Response cancelWithoutReason(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return cancel(id, ifMatch, null);
    }

    @POST
    @Path("/{id}/start-production")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "CONFIRMED → IN_PRODUCTION (optionally only if still at the If-Match version); OrderStatusChanged")
    @Extension(name = "x-misty-problems", value = "409: INVALID_STATE (not CONFIRMED; body has current_status), REVISION_PENDING or VERSION_CONFLICT")
    @APIResponse(responseCode = "200", description = "In production", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    public Response startProduction(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(Response.ok(), orders.startProduction(id, BaseVersion.optional(null, ifMatch), user.id()));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "IN_PRODUCTION → COMPLETED, optionally with the quantity used per line; OrderCompleted (inventory "
            + "consumes the stock once) and OrderStatusChanged")
    @Extension(name = "x-misty-problems", value = "409: INVALID_STATE (not IN_PRODUCTION; body has current_status) or VERSION_CONFLICT")
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    public Response complete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid CompleteOrderRequest request) {
        List<LineUsage> usage = request == null ? List.of() : request.toUsage();
        return withVersion(Response.ok(), orders.complete(id, BaseVersion.optional(null, ifMatch), usage, user.id()));
    }

    /** The same completion as a bare POST without a body: every line consumed in full. */
    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.WILDCARD)
    public Response completeInFull(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return complete(id, ifMatch, null);
    }

    private static Response withVersion(Response.ResponseBuilder response, Order order) {
        return response.entity(order).tag(new EntityTag(Long.toString(order.version()))).build();
    }
}
