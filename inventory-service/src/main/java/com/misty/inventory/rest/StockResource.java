package com.misty.inventory.rest;

import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.StockItem;
import com.misty.inventory.service.ProductService;
import com.misty.inventory.rest.StockRequests.Adjustment;
import com.misty.inventory.rest.StockRequests.AllocationRequest;
import com.misty.inventory.rest.StockRequests.Issue;
import com.misty.inventory.rest.StockRequests.Receipt;
import com.misty.inventory.rest.StockRequests.ReorderLevel;
import com.misty.inventory.rest.StockResponses.AllocationPage;
import com.misty.inventory.rest.StockResponses.AllocationView;
import com.misty.inventory.rest.StockResponses.MovementPage;
import com.misty.inventory.rest.StockResponses.MovementView;
import com.misty.inventory.rest.StockResponses.StockPage;
import com.misty.inventory.rest.StockResponses.StockView;
import com.misty.inventory.service.StockService;
import com.misty.inventory.service.StockService.AllocationOutcome;
import com.misty.inventory.service.StockService.OpenAllocations;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;

/** Raw substrate stock: levels, receipts, allocations, releases, issues to production, adjustments and the ledger. */
@Path("/api/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION})
public class StockResource {

    private final StockService stock;
    private final CurrentUser user;

    public StockResource(StockService stock, CurrentUser user) {
        this.stock = stock;
        this.user = user;
    }

    @GET
    public StockPage list(@QueryParam("client_id") @Size(max = 100) String clientId,
                          @QueryParam("product_id") @Size(max = 100) String productId,
                          @QueryParam("below_reorder") @DefaultValue("false") boolean belowReorder,
                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return StockPage.of(stock.list(clientId, productId, belowReorder, page, size));
    }

    /** The reorder level of one record (StockLowReached is announced when available falls below it). */
    @PUT
    @Path("/{id}/reorder-level")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (body has current_version)")
    public StockView setReorderLevel(@PathParam("id") String id, @Valid @NotNull ReorderLevel request) {
        return StockView.of(stock.setReorderLevel(id, request.reorderLevel(), request.reorderVersion()));
    }

    @GET
    @Path("/{id}")
    public StockView get(@PathParam("id") String id) {
        return StockView.of(stock.get(id));
    }

    @GET
    @Path("/{id}/movements")
    public MovementPage movements(@PathParam("id") String id,
                                  @QueryParam("after_seq") @DefaultValue("0") @Min(0) long afterSeq,
                                  @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<Movement> movements = stock.movements(id, afterSeq, limit);
        Long next = movements.size() == limit ? movements.get(movements.size() - 1).seq() : null;
        StockItem item = stock.get(id);
        return new MovementPage(id, item.unit(), movements.stream().map(m -> MovementView.of(m, item.decimals())).toList(), next);
    }

    @POST
    @Path("/receipts")
    public StockView receive(@Valid @NotNull Receipt receipt) {
        return StockView.of(stock.receive(receipt.productId(), receipt.clientId(), receipt.quantity(),
                receipt.reference(), user.id()));
    }

    @POST
    @Path("/allocations")
    @APIResponse(responseCode = "201", description = "Allocated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationView.class)))
    @Extension(name = "x-misty-problems", value = "409: INSUFFICIENT_STOCK (body has available)")
    public Response allocate(@Valid @NotNull AllocationRequest request) {
        AllocationOutcome outcome = stock.allocate(request.productId(), request.clientId(), request.quantity(),
                request.orderId(), user.id());
        return Response.created(URI.create("/api/stock/allocations/" + outcome.allocation().id()))
                .entity(view(outcome.allocation(), outcome.quantityOnHandAfter())).build();
    }

    @GET
    @Path("/allocations/{id}")
    public AllocationView allocation(@PathParam("id") String id) {
        return view(stock.allocation(id), null);
    }

    /** What the UI offers to release or issue: the record's open allocations, oldest first. */
    @GET
    @Path("/{id}/allocations")
    @Operation(summary = "A stock record's open allocations (ALLOCATED), oldest first, paginated")
    @APIResponse(responseCode = "200", description = "One page of open allocations", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationPage.class)))
    @Extension(name = "x-misty-problems", value = "404: NOT_FOUND (no stock record of this id)")
    public AllocationPage openAllocations(@PathParam("id") String id,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        OpenAllocations open = stock.openAllocations(id, page, size);
        StockItem item = open.record();
        return new AllocationPage(open.page().items().stream()
                .map(a -> AllocationView.of(a, null, item.unit(), item.decimals())).toList(),
                open.page().page(), open.page().size(), open.page().total());
    }

    @POST
    @Path("/allocations/{id}/release")
    @Extension(name = "x-misty-problems", value = "409: ORDER_ALLOCATION (an order's allocation is released by cancelling the order)")
    public AllocationView release(@PathParam("id") String id) {
        AllocationOutcome outcome = stock.release(id, user.id());
        return view(outcome.allocation(), outcome.quantityOnHandAfter());
    }

    /** Issues an allocation to production, fully or partly (the unused rest goes back to available). */
    @POST
    @Path("/issues")
    @Extension(name = "x-misty-problems", value = "409: ALLOCATION_CLOSED (released or issued already; body has current_status) or ORDER_ALLOCATION")
    public AllocationView issue(@Valid @NotNull Issue issue) {
        AllocationOutcome outcome = stock.issue(issue.allocationId(), issue.quantity(), user.id());
        return view(outcome.allocation(), outcome.quantityOnHandAfter());
    }

    private AllocationView view(Allocation allocation, Long levelAfter) {
        ProductService.CountedIn unit = stock.countedIn(allocation.productId());
        return AllocationView.of(allocation, levelAfter, unit.unit(), unit.decimals());
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Extension(name = "x-misty-problems", value = "409: STOCK_BELOW_ZERO")
    public StockView adjust(@Valid @NotNull Adjustment adjustment) {
        return StockView.of(stock.adjust(adjustment.productId(), adjustment.clientId(), adjustment.quantityChange(),
                adjustment.reason(), user.id()));
    }
}
