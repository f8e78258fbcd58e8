package com.misty.payroll.rest;

import com.misty.payroll.domain.PayrollCalculation;
import com.misty.payroll.service.PayrollQueries;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
    public List<PayrollCalculation> list(@QueryParam("employee_id") String employeeId,
                                         @QueryParam("timesheet_id") String timesheetId,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("limit") String limit) {
        return queries.list(Params.actor(currentUser), employeeId, timesheetId, Params.date(from, "from"),
                Params.date(to, "to"), Params.limit(limit));
    }

    @Operation(summary = "One calculation with its inputs")
    @GET
    @Path("/{id}")
    public PayrollCalculation get(@PathParam("id") String id) {
        return queries.get(Params.actor(currentUser), id);
    }
}
