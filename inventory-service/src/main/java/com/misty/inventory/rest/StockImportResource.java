package com.misty.inventory.rest;

import com.misty.contracts.imports.UnmappedFields;
import com.misty.inventory.domain.OriginalStockMapping;
import com.misty.inventory.domain.UnitOfMeasure;
import com.misty.inventory.service.StockImportService;
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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Import of the original system's products and stock (admin only): this service maps and validates its own records. */
@Path("/api/stock/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StockImportResource {

    /**
     * Records as the original stored them, at most 500 per collection per call: {@code products} (its catalogue, if it
     * had one) and {@code stock} ({@code raw_substrate_stock}); {@code unit_map} maps the original's unit names (any
     * case) to the suite's unit codes, on top of the defaults.
     */
    public record ImportStockRequest(@Size(max = 500) List<@NotNull @PlainFieldNames Map<String, Object>> products,
                                     @Size(max = 500) List<@NotNull @PlainFieldNames Map<String, Object>> stock,
                                     Map<String, String> unitMap, boolean dryRun) {
    }

    /** Counts per outcome, the fields the mapping did not read (per collection), and one outcome per record. */
    public record ImportStockReport(int records, long imported, long alreadyPresent, long rejected,
                                    Map<String, Map<String, Long>> unmappedFields, boolean dryRun,
                                    List<StockImportService.RecordOutcome> outcomes) {
    }

    private final StockImportService imports;
    private final CurrentUser currentUser;

    public StockImportResource(StockImportService imports, CurrentUser currentUser) {
        this.imports = imports;
        this.currentUser = currentUser;
    }

    @POST
    @Operation(summary = "Import products and stock of the original system, keeping their ids: exact quantities in the "
            + "product's unit, each as an opening receipt in the ledger; per record imported, already present or rejected "
            + "with the reason; idempotent; dry_run writes nothing")
    @Extension(name = "x-misty-problems", value = "400: INVALID_UNIT_MAP, VALIDATION_FAILED")
    public ImportStockReport importStock(@NotNull @Valid ImportStockRequest request) {
        Map<String, String> unitMap = ImportTables.requireTargets(request.unitMap(),
                Arrays.stream(UnitOfMeasure.values()).map(UnitOfMeasure::code).toList(), "INVALID_UNIT_MAP", "unit_map",
                "an original unit name");
        List<Map<String, Object>> products = request.products() == null ? List.of() : request.products();
        List<Map<String, Object>> stock = request.stock() == null ? List.of() : request.stock();
        List<StockImportService.RecordOutcome> outcomes = imports.importBatch(
                new StockImportService.Batch(products, stock, unitMap, request.dryRun()), currentUser.id());
        Map<String, Map<String, Long>> unmapped = new LinkedHashMap<>();
        unmapped.put("products", UnmappedFields.count(products, OriginalStockMapping.KNOWN_PRODUCT_FIELDS));
        unmapped.put("stock", UnmappedFields.count(stock, OriginalStockMapping.KNOWN_STOCK_FIELDS));
        return new ImportStockReport(outcomes.size(), count(outcomes, StockImportService.Outcome.IMPORTED),
                count(outcomes, StockImportService.Outcome.ALREADY_PRESENT),
                count(outcomes, StockImportService.Outcome.REJECTED), unmapped, request.dryRun(), outcomes);
    }

    private static long count(List<StockImportService.RecordOutcome> outcomes, StockImportService.Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
