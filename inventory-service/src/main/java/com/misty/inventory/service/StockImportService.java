package com.misty.inventory.service;

import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.OriginalStockMapping;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.repository.StockRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports the original system's products and stock, one record at a time (an interrupted import is completed by
 * running it again). Products first: a product the catalogue lacks is added when a product record or a stock record
 * names its unit, so its stock is counted in that unit; a product already in the catalogue keeps its own. Each stock
 * record is stored under its id with its quantity as an opening receipt in the ledger; a record present by id is
 * left alone, and stock the suite already holds for the same product and client is refused, never added to. A dry
 * run decides the same way and writes nothing.
 */
@ApplicationScoped
public class StockImportService {

    public enum Outcome { IMPORTED, ALREADY_PRESENT, REJECTED }

    public record RecordOutcome(String collection, String id, Outcome outcome, String reason) {
    }

    public record Batch(List<Map<String, Object>> products, List<Map<String, Object>> stock, Map<String, String> unitMap,
                        boolean dryRun) {
    }

    private final ProductService products;
    private final StockRepository stock;
    private final Ledger ledger;

    public StockImportService(ProductService products, StockRepository stock, Ledger ledger) {
        this.products = products;
        this.stock = stock;
        this.ledger = ledger;
    }

    public List<RecordOutcome> importBatch(Batch batch, String actor) {
        OriginalStockMapping mapping = new OriginalStockMapping(batch.unitMap());
        Map<String, OriginalStockMapping.CatalogueEntry> plannedInDryRun = new HashMap<>();
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (Map<String, Object> record : batch.products()) {
            outcomes.add(importProduct(record, mapping, batch.dryRun(), plannedInDryRun));
        }
        Set<String> keysInDryRun = new HashSet<>();
        Instant now = Instant.now();
        for (Map<String, Object> record : batch.stock()) {
            // A stock record naming its product's unit adds the product, as a product record would (not reported).
            String productId = OriginalStockMapping.productOf(record);
            mapping.catalogueEntry(productId, record).ifPresent(entry -> addProduct(entry, batch.dryRun(), plannedInDryRun));
            ProductService.CountedIn countedIn = countedIn(productId, plannedInDryRun);
            OriginalStockMapping.Mapped mapped = mapping.map(record, countedIn.unit(), countedIn.decimals(), now);
            if (mapped instanceof OriginalStockMapping.Refused refused) {
                outcomes.add(new RecordOutcome("stock", refused.id(), Outcome.REJECTED, refused.reason()));
                continue;
            }
            OriginalStockMapping.Accepted accepted = (OriginalStockMapping.Accepted) mapped;
            outcomes.add(batch.dryRun() ? predict(accepted, keysInDryRun) : store(accepted, actor));
        }
        return outcomes;
    }

    private RecordOutcome importProduct(Map<String, Object> record, OriginalStockMapping mapping, boolean dryRun,
                                        Map<String, OriginalStockMapping.CatalogueEntry> planned) {
        String code = OriginalStockMapping.productCode(record);
        Optional<OriginalStockMapping.CatalogueEntry> entry = mapping.catalogueEntry(code, record);
        if (entry.isEmpty()) {
            return new RecordOutcome("products", code, Outcome.REJECTED, code == null ? "no code, product_id or id"
                    : "unit '" + record.get("unit") + "' has no mapping (add it to the mapping file's stock units)");
        }
        boolean added = addProduct(entry.get(), dryRun, planned);
        return new RecordOutcome("products", entry.get().code(), added ? Outcome.IMPORTED : Outcome.ALREADY_PRESENT, null);
    }

    /** Adds the product unless the catalogue has it; true if it was (or in a dry run, would be) added. */
    private boolean addProduct(OriginalStockMapping.CatalogueEntry entry, boolean dryRun,
                               Map<String, OriginalStockMapping.CatalogueEntry> planned) {
        if (dryRun) {
            return products.find(entry.code()).isEmpty() && !stock.existsFor(entry.code())
                    && planned.putIfAbsent(entry.code(), entry) == null;
        }
        return products.addImported(entry.code(), entry.name(), entry.unit());
    }

    private ProductService.CountedIn countedIn(String productId, Map<String, OriginalStockMapping.CatalogueEntry> planned) {
        if (productId == null) {
            return new ProductService.CountedIn(Quantities.UNIT, 0);
        }
        OriginalStockMapping.CatalogueEntry plannedEntry = planned.get(productId);
        return plannedEntry != null ? new ProductService.CountedIn(plannedEntry.unit().code(), plannedEntry.unit().decimals())
                : products.countedIn(productId);
    }

    private RecordOutcome store(OriginalStockMapping.Accepted accepted, String actor) {
        MovementDraft opening = MovementDraft.receipt(accepted.openingSteps(), actor,
                "opening stock imported from the original system (record " + accepted.item().id() + ")");
        return switch (stock.insertImported(accepted.item(), opening)) {
            case INSERTED -> {
                // The record as the insert left it (not a re-read: a movement right after must not become the opening's).
                ledger.complete(accepted.item(), opening);
                yield new RecordOutcome("stock", accepted.item().id(), Outcome.IMPORTED, null);
            }
            case ID_PRESENT -> new RecordOutcome("stock", accepted.item().id(), Outcome.ALREADY_PRESENT, null);
            case KEY_TAKEN -> keyTaken(accepted);
        };
    }

    private RecordOutcome predict(OriginalStockMapping.Accepted accepted, Set<String> keys) {
        String id = accepted.item().id();
        if (stock.findItem(id).isPresent()) {
            return new RecordOutcome("stock", id, Outcome.ALREADY_PRESENT, null);
        }
        boolean keyFree = keys.add(accepted.item().productId() + "\u0000" + accepted.item().clientId())
                && stock.findByKey(accepted.item().productId(), accepted.item().clientId()).isEmpty();
        return keyFree ? new RecordOutcome("stock", id, Outcome.IMPORTED, null) : keyTaken(accepted);
    }

    private static RecordOutcome keyTaken(OriginalStockMapping.Accepted accepted) {
        return new RecordOutcome("stock", accepted.item().id(), Outcome.REJECTED, "the suite already holds stock of product "
                + accepted.item().productId() + " for client " + accepted.item().clientId()
                + " under another id; receive the original's quantity there");
    }
}
