package com.misty.auth.rest;

import com.misty.auth.domain.OriginalUserMapping;
import com.misty.auth.service.UserImportService;
import com.misty.contracts.imports.UnmappedFields;
import com.misty.platform.security.CurrentUser;
import com.misty.platform.security.Roles;
import com.misty.platform.validation.ImportTables;
import com.misty.platform.validation.PlainFieldNames;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Import of the original system's users (admin only): this service maps and validates its own records. */
@Path("/api/auth/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserImportResource {

    /**
     * Records of the original's {@code users} collection as it stored them, at most 500 per call; {@code role_map}
     * maps original roles (any case) to the suite's; {@code hash_field} names the original's password hash field.
     */
    public record ImportUsersRequest(@NotNull @Size(max = 500) List<@NotNull @PlainFieldNames Map<String, Object>> users,
                                     Map<String, String> roleMap, @Size(max = 100) String hashField, boolean dryRun) {
    }

    /**
     * Counts per outcome, the users that must have their password reset (imported with a hash this suite cannot
     * verify), the fields the mapping did not read, and one outcome per record.
     */
    public record ImportUsersReport(int records, long imported, long alreadyPresent, long rejected,
                                    List<String> passwordResetRequired, Map<String, Long> unmappedFields,
                                    boolean dryRun, List<UserImportService.RecordOutcome> outcomes) {
    }

    private final UserImportService imports;
    private final CurrentUser currentUser;

    public UserImportResource(UserImportService imports, CurrentUser currentUser) {
        this.imports = imports;
        this.currentUser = currentUser;
    }

    @POST
    @Operation(summary = "Import users of the original system, keeping their ids: bcrypt hashes are kept (old passwords "
            + "keep working), other hashes are not, and those users are listed for a password reset; idempotent; "
            + "dry_run writes nothing")
    @Extension(name = "x-misty-problems", value = "400: INVALID_ROLE_MAP, VALIDATION_FAILED")
    public ImportUsersReport importUsers(@NotNull @Valid ImportUsersRequest request) {
        Map<String, String> roleMap = ImportTables.requireTargets(request.roleMap(), Roles.ALL, "INVALID_ROLE_MAP",
                "role_map", "an original role");
        OriginalUserMapping mapping = new OriginalUserMapping(roleMap, request.hashField());
        List<UserImportService.RecordOutcome> outcomes = imports.importUsers(request.users(), mapping, request.dryRun(),
                currentUser.id());
        return new ImportUsersReport(outcomes.size(), count(outcomes, UserImportService.Outcome.IMPORTED),
                count(outcomes, UserImportService.Outcome.ALREADY_PRESENT), count(outcomes, UserImportService.Outcome.REJECTED),
                outcomes.stream().filter(UserImportService.RecordOutcome::passwordResetRequired)
                        .map(UserImportService.RecordOutcome::username).toList(),
                UnmappedFields.count(request.users(), OriginalUserMapping.KNOWN_FIELDS, Set.of(mapping.hashField())),
                request.dryRun(), outcomes);
    }

    private static long count(List<UserImportService.RecordOutcome> outcomes, UserImportService.Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
