package com.misty.payroll.rest;

import com.misty.payroll.service.LeaveService;
import com.misty.payroll.domain.LeaveStatus;
import com.misty.payroll.domain.LeaveType;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Leave requests and the managers' decisions on them. */
@Path("/api/payroll/leave-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leave requests")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION, Roles.EMPLOYEE})
public class LeaveRequestResource {

    private final LeaveService leaves;
    private final CurrentUser currentUser;

    public LeaveRequestResource(LeaveService leaves, CurrentUser currentUser) {
        this.leaves = leaves;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Request leave")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeaveRequestResponse.class)))
    @Extension(name = "x-misty-problems", value = "409: EMPLOYEE_INACTIVE, OVERLAPPING_LEAVE or INSUFFICIENT_BALANCE")
    public Response create(@NotNull @Valid LeaveRequests.CreateLeave body) {
        LeaveRequestResponse created = LeaveRequestResponse.of(leaves.create(Callers.actor(currentUser), body.toNew()));
        return Response.created(URI.create("/api/payroll/leave-requests/" + created.id())).entity(created).build();
    }

    /** Filters: employee, status, type, and a period the leave overlaps. */
    @Operation(summary = "List leave requests (employees: their own)")
    @GET
    public List<LeaveRequestResponse> list(@QueryParam("employee_id") String employeeId,
                                           @QueryParam("status") LeaveStatus status,
                                           @QueryParam("leave_type") LeaveType leaveType,
                                           @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                           @QueryParam("limit") @DefaultValue(Callers.DEFAULT_LIMIT) @Min(1) @Max(Callers.MAX_LIMIT) Integer limit) {
        return leaves.list(Callers.actor(currentUser), employeeId, status, leaveType, from, to, limit).stream()
                .map(LeaveRequestResponse::of).toList();
    }

    @Operation(summary = "One leave request")
    @GET
    @Path("/{id}")
    public LeaveRequestResponse get(@PathParam("id") String id) {
        return LeaveRequestResponse.of(leaves.get(Callers.actor(currentUser), id));
    }

    @Operation(summary = "Approve and deduct the hours exactly once; losers get 409 ALREADY_DECIDED")
    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Extension(name = "x-misty-problems", value = "409: ALREADY_DECIDED (another manager was first), INSUFFICIENT_BALANCE, OVERLAPPING_LEAVE, EMPLOYEE_INACTIVE or CONCURRENT_UPDATE")
    public LeaveRequestResponse approve(@PathParam("id") String id) {
        return LeaveRequestResponse.of(leaves.approve(Callers.actor(currentUser), id));
    }

    @Operation(summary = "Reject a pending request")
    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "409: ALREADY_DECIDED: approved, rejected or cancelled already")
    public LeaveRequestResponse reject(@PathParam("id") String id, @NotNull @Valid LeaveRequests.Rejection body) {
        return LeaveRequestResponse.of(leaves.reject(Callers.actor(currentUser), id, body.reason()));
    }

    @Operation(summary = "Cancel (employee: pending; manager: also approved, refunding once)")
    @POST
    @Path("/{id}/cancel")
    @Extension(name = "x-misty-problems", value = "409: ALREADY_DECIDED (cancelled or rejected already) or CONCURRENT_UPDATE")
    public LeaveRequestResponse cancel(@PathParam("id") String id) {
        return LeaveRequestResponse.of(leaves.cancel(Callers.actor(currentUser), id));
    }
}
