package com.misty.payroll.rest;

import com.misty.payroll.service.TimesheetService;
import com.misty.payroll.domain.TimesheetStatus;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Weekly timesheets: employees fill and submit them, managers approve (which calculates pay) or reject. */
@Path("/api/payroll/timesheets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timesheets")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION, Roles.EMPLOYEE})
public class TimesheetResource {

    private final TimesheetService timesheets;
    private final CurrentUser currentUser;

    public TimesheetResource(TimesheetService timesheets, CurrentUser currentUser) {
        this.timesheets = timesheets;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Create a draft timesheet for an ISO week")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimesheetResponse.class)))
    @Extension(name = "x-misty-problems", value = "409: DUPLICATE_TIMESHEET (one per employee and week) or EMPLOYEE_INACTIVE")
    public Response create(@NotNull @Valid TimesheetRequests.CreateTimesheet body) {
        TimesheetResponse created = TimesheetResponse.of(timesheets.create(Callers.actor(currentUser), body.employeeId(),
                body.week(), body.toEntries()));
        return Response.created(URI.create("/api/payroll/timesheets/" + created.id())).entity(created).build();
    }

    @Operation(summary = "List timesheets (employees: their own)")
    @GET
    public List<TimesheetResponse> list(@QueryParam("employee_id") String employeeId,
                                        @QueryParam("status") TimesheetStatus status, @QueryParam("week") String week,
                                        @QueryParam("limit") @DefaultValue(Callers.DEFAULT_LIMIT) @Min(1) @Max(Callers.MAX_LIMIT) Integer limit) {
        return timesheets.list(Callers.actor(currentUser), employeeId, status, week, limit)
                .stream().map(TimesheetResponse::of).toList();
    }

    @Operation(summary = "One timesheet")
    @GET
    @Path("/{id}")
    public TimesheetResponse get(@PathParam("id") String id) {
        return TimesheetResponse.of(timesheets.get(Callers.actor(currentUser), id));
    }

    /** Replaces the entries of a draft. */
    @Operation(summary = "Replace a draft's entries at a version")
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (changed since the version sent) or INVALID_STATE (only a draft can be edited)")
    public TimesheetResponse edit(@PathParam("id") String id, @NotNull @Valid TimesheetRequests.EditTimesheet body) {
        return TimesheetResponse.of(timesheets.editEntries(Callers.actor(currentUser), id, body.version(),
                body.toEntries()));
    }

    @Operation(summary = "Submit a draft")
    @POST
    @Path("/{id}/submit")
    @Extension(name = "x-misty-problems", value = "409: INVALID_STATE (only a draft can be submitted), VERSION_CONFLICT or EMPLOYEE_INACTIVE")
    public TimesheetResponse submit(@PathParam("id") String id) {
        return TimesheetResponse.of(timesheets.submit(Callers.actor(currentUser), id));
    }

    @Operation(summary = "Approve and calculate pay exactly once; losers get 409 ALREADY_DECIDED")
    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Extension(name = "x-misty-problems", value = "409: ALREADY_DECIDED (another manager was first), INVALID_STATE, EMPLOYEE_INACTIVE or CALCULATION_FAILED")
    public TimesheetResponse approve(@PathParam("id") String id) {
        TimesheetService.Approval approval = timesheets.approve(Callers.actor(currentUser), id);
        return TimesheetResponse.of(approval.timesheet(), approval.calculation());
    }

    @Operation(summary = "Send a submitted timesheet back to draft with a reason")
    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "409: ALREADY_DECIDED or INVALID_STATE")
    public TimesheetResponse reject(@PathParam("id") String id, @NotNull @Valid TimesheetRequests.Rejection body) {
        return TimesheetResponse.of(timesheets.reject(Callers.actor(currentUser), id, body.reason()));
    }
}
