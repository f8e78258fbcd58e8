package com.misty.payroll.rest;

import com.misty.payroll.service.PayrollQueries;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;

/** Payroll calculations (one per approved timesheet); employees see their own. */
@Path("/api/payroll/calculations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payroll calculations")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION, Roles.EMPLOYEE})
public class CalculationResource {

    private final PayrollQueries queries;
    private final CurrentUser currentUser;

    public CalculationResource(PayrollQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** Filters: employee, timesheet, and a period [from, to] the week must start in. */
    @Operation(summary = "List calculations (employees: their own)")
    @GET
    public List<CalculationResponse> list(@QueryParam("employee_id") String employeeId,
                                          @QueryParam("timesheet_id") String timesheetId,
                                          @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                          @QueryParam("limit") @DefaultValue(Callers.DEFAULT_LIMIT) @Min(1) @Max(Callers.MAX_LIMIT) Integer limit) {
        return queries.list(Callers.actor(currentUser), employeeId, timesheetId, from, to, limit).stream()
                .map(CalculationResponse::of).toList();
    }

    @Operation(summary = "One calculation with its inputs")
    @GET
    @Path("/{id}")
    public CalculationResponse get(@PathParam("id") String id) {
        return CalculationResponse.of(queries.get(Callers.actor(currentUser), id));
    }
}
