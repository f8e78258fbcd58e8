package com.misty.payroll.rest;

import com.misty.payroll.service.EmployeeService;
import com.misty.payroll.service.PayrollQueries;
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
import java.time.LocalDate;
import java.util.List;

/** Payroll profiles: admins create and edit, managers read, employees read their own. */
@Path("/api/payroll/employees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employees")
public class EmployeeResource {

    private final EmployeeService employees;
    private final PayrollQueries queries;
    private final CurrentUser currentUser;

    public EmployeeResource(EmployeeService employees, PayrollQueries queries, CurrentUser currentUser) {
        this.employees = employees;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Create a payroll profile (admin)")
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployeeResponse.class)))
    @Extension(name = "x-misty-problems", value = "409: DUPLICATE_EMPLOYEE: the user already has a payroll profile")
    public Response create(@NotNull @Valid EmployeeRequests.CreateEmployee body) {
        EmployeeResponse created = EmployeeResponse.of(employees.create(body.userId(), body.details()));
        return Response.created(URI.create("/api/payroll/employees/" + created.id())).entity(created).build();
    }

    @Operation(summary = "List profiles (managers, admins)")
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public List<EmployeeResponse> list(@QueryParam("active") Boolean active,
                                       @QueryParam("limit") @DefaultValue(Callers.DEFAULT_LIMIT) @Min(1) @Max(Callers.MAX_LIMIT) Integer limit) {
        return employees.list(active, limit).stream()
                .map(EmployeeResponse::of).toList();
    }

    @Operation(summary = "The caller's own profile")
    @GET
    @Path("/me")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION, Roles.EMPLOYEE})
    public EmployeeResponse me() {
        return EmployeeResponse.of(employees.mine(Callers.actor(currentUser)));
    }

    @Operation(summary = "One profile (supervisors, or the employee)")
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION, Roles.EMPLOYEE})
    public EmployeeResponse get(@PathParam("id") String id) {
        return EmployeeResponse.of(employees.get(Callers.actor(currentUser), id));
    }

    @Operation(summary = "Replace editable fields at a version (admin); stale version is 409 VERSION_CONFLICT")
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT: the profile changed since the version sent")
    public EmployeeResponse update(@PathParam("id") String id, @NotNull @Valid EmployeeRequests.UpdateEmployee body) {
        return EmployeeResponse.of(employees.update(id, body.version(), body.details()));
    }

    /** Totals of the employee's calculations whose week starts in [from, to] (both optional). */
    @Operation(summary = "Totals of an employee's calculations in a period")
    @GET
    @Path("/{id}/pay-summary")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION, Roles.EMPLOYEE})
    public PaySummaryResponse paySummary(@PathParam("id") String id, @QueryParam("from") LocalDate from,
                                         @QueryParam("to") LocalDate to) {
        return PaySummaryResponse.of(queries.summary(Callers.actor(currentUser), id, from, to));
    }
}
