package com.misty.payroll.rest;

import com.misty.platform.validation.PlainFieldNames;
import com.misty.contracts.imports.UnmappedFields;
import com.misty.payroll.domain.OriginalPayrollMapping;
import com.misty.payroll.service.PayrollImportService;
import com.misty.platform.problem.DomainException;
import com.misty.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Import from the original system (admin only): this service maps and validates its own records. */
@Path("/api/payroll/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PayrollImportResource {

    private static final Set<String> BALANCE_TYPES = Set.of("annual", "sick", "personal");

    /**
     * Records as the original stored them (snake_case, dates as ISO text), at most 500 per collection per call;
     * {@code balance_fields} names the original's balance field per leave type (defaults: annual_leave_balance, ...).
     */
    public record ImportRequest(@Size(max = 500) List<@NotNull @PlainFieldNames Map<String, Object>> employees,
                                @Size(max = 500) List<@NotNull @PlainFieldNames Map<String, Object>> leaveRequests,
                                @Size(max = 500) List<@NotNull @PlainFieldNames Map<String, Object>> timesheets,
                                Map<String, String> balanceFields, boolean dryRun) {
    }

    /** Counts per outcome, the fields the mappings did not read (per collection), and one outcome per record. */
    public record ImportReport(int records, long imported, long alreadyPresent, long rejected,
                               Map<String, Map<String, Long>> unmappedFields, boolean dryRun,
                               List<PayrollImportService.RecordOutcome> outcomes) {
    }

    private final PayrollImportService imports;

    public PayrollImportResource(PayrollImportService imports) {
        this.imports = imports;
    }

    @POST
    @Operation(summary = "Import employee profiles, leave requests and timesheets of the original system, keeping their ids: "
            + "per record imported, already present or rejected with the reason; idempotent; dry_run writes nothing")
    public ImportReport importRecords(@NotNull @Valid ImportRequest request) {
        Map<String, String> balanceFields = request.balanceFields() == null ? Map.of() : request.balanceFields();
        balanceFields.forEach((type, field) -> {
            if (type == null || !BALANCE_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT)) || field == null || field.isBlank()) {
                throw DomainException.badRequest("INVALID_BALANCE_FIELDS", "balance_fields maps one of " + BALANCE_TYPES
                        + " to the original's field name; '" + type + "' → '" + field + "' does not.").with("field", "balance_fields");
            }
        });
        PayrollImportService.Batch batch = new PayrollImportService.Batch(orEmpty(request.employees()),
                orEmpty(request.leaveRequests()), orEmpty(request.timesheets()), balanceFields, request.dryRun());
        List<PayrollImportService.RecordOutcome> outcomes = imports.importBatch(batch);
        Map<String, Map<String, Long>> unmapped = new LinkedHashMap<>();
        unmapped.put("employee_profiles", UnmappedFields.count(batch.employees(), OriginalPayrollMapping.KNOWN_PROFILE_FIELDS,
                OriginalPayrollMapping.balanceFields(balanceFields).values()));
        unmapped.put("leave_requests", UnmappedFields.count(batch.leaveRequests(), OriginalPayrollMapping.KNOWN_LEAVE_FIELDS));
        unmapped.put("timesheets", UnmappedFields.count(batch.timesheets(), OriginalPayrollMapping.KNOWN_TIMESHEET_FIELDS));
        return new ImportReport(outcomes.size(), count(outcomes, PayrollImportService.Outcome.IMPORTED),
                count(outcomes, PayrollImportService.Outcome.ALREADY_PRESENT),
                count(outcomes, PayrollImportService.Outcome.REJECTED), unmapped, request.dryRun(), outcomes);
    }

    private static List<Map<String, Object>> orEmpty(List<Map<String, Object>> records) {
        return records == null ? List.of() : records;
    }

    private static long count(List<PayrollImportService.RecordOutcome> outcomes, PayrollImportService.Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
