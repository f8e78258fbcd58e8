package com.misty.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.misty.contracts.imports.OriginalValues.decimal;
import static com.misty.contracts.imports.OriginalValues.firstText;
import static com.misty.contracts.imports.OriginalValues.instant;
import static com.misty.contracts.imports.OriginalValues.text;

/**
 * How a record of the original's {@code raw_substrate_stock} becomes a stock record of this suite (the root README's
 * import section documents the rules): its {@code id} is kept; its quantity keeps its exact value, counted in the
 * product's unit — the catalogue's when the product is there, else the unit the record names (mapped through
 * {@link #DEFAULT_UNITS} and the operator's {@code unit_map}), else whole units. A quantity the unit cannot hold
 * exactly (12.5 in whole sheets) or a negative one (an oversell of the original, before its fix) is refused with the
 * reason, never rounded.
 */
public final class OriginalStockMapping {

    /** Unit names the original may have written, in any case, and the suite's unit each means. */
    public static final Map<String, UnitOfMeasure> DEFAULT_UNITS = Map.ofEntries(
            Map.entry("each", UnitOfMeasure.EACH), Map.entry("ea", UnitOfMeasure.EACH), Map.entry("pcs", UnitOfMeasure.EACH),
            Map.entry("piece", UnitOfMeasure.EACH), Map.entry("pieces", UnitOfMeasure.EACH), Map.entry("unit", UnitOfMeasure.EACH),
            Map.entry("units", UnitOfMeasure.EACH), Map.entry("sheet", UnitOfMeasure.SHEET), Map.entry("sheets", UnitOfMeasure.SHEET),
            Map.entry("m", UnitOfMeasure.METRE), Map.entry("metre", UnitOfMeasure.METRE), Map.entry("meter", UnitOfMeasure.METRE),
            Map.entry("metres", UnitOfMeasure.METRE), Map.entry("meters", UnitOfMeasure.METRE), Map.entry("lm", UnitOfMeasure.METRE),
            Map.entry("m2", UnitOfMeasure.SQUARE_METRE), Map.entry("sqm", UnitOfMeasure.SQUARE_METRE),
            Map.entry("square_metre", UnitOfMeasure.SQUARE_METRE), Map.entry("square_meter", UnitOfMeasure.SQUARE_METRE),
            Map.entry("kg", UnitOfMeasure.KILOGRAM), Map.entry("kgs", UnitOfMeasure.KILOGRAM),
            Map.entry("kilogram", UnitOfMeasure.KILOGRAM), Map.entry("kilograms", UnitOfMeasure.KILOGRAM));

    /** The stock fields this mapping reads; anything else is reported as unmapped. */
    public static final Set<String> KNOWN_STOCK_FIELDS = Set.of("_id", "id", "product_id", "client_id", "quantity_on_hand",
            "unit", "product_name", "reorder_level", "created_at", "updated_at");

    /** The product fields this mapping reads (the original's catalogue, when it had one). */
    public static final Set<String> KNOWN_PRODUCT_FIELDS = Set.of("_id", "id", "code", "product_id", "name",
            "product_name", "unit", "created_at", "updated_at");

    private final Map<String, UnitOfMeasure> units;

    /** @param unitOverrides original unit name (any case) → suite unit code, on top of the defaults */
    public OriginalStockMapping(Map<String, String> unitOverrides) {
        Map<String, UnitOfMeasure> all = new HashMap<>(DEFAULT_UNITS);
        if (unitOverrides != null) {
            unitOverrides.forEach((from, to) -> all.put(from.toLowerCase(Locale.ROOT), UnitOfMeasure.of(to).orElseThrow()));
        }
        this.units = Map.copyOf(all);
    }

    /** A product the catalogue should hold: its code, name and unit. */
    public record CatalogueEntry(String code, String name, UnitOfMeasure unit) {
    }

    /** The product code of a record of the original's catalogue. */
    public static String productCode(Map<String, Object> productRecord) {
        return firstText(productRecord, "code", "product_id", "id");
    }

    /** The product code a stock record refers to. */
    public static String productOf(Map<String, Object> stockRecord) {
        return firstText(stockRecord, "product_id");
    }

    /** A catalogue entry for product {@code code} from a record naming its unit (a product record or a stock record). */
    public Optional<CatalogueEntry> catalogueEntry(String code, Map<String, Object> record) {
        Optional<UnitOfMeasure> unit = unitNamed(text(record.get("unit")));
        if (code == null || unit.isEmpty()) {
            return Optional.empty();
        }
        String name = firstText(record, "name", "product_name");
        return Optional.of(new CatalogueEntry(code, name == null ? code : name, unit.get()));
    }

    public Optional<UnitOfMeasure> unitNamed(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(units.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** A stock record ready to store, with its opening quantity in steps, or the reason it cannot be imported. */
    public sealed interface Mapped permits Accepted, Refused {
    }

    public record Accepted(StockItem item, long openingSteps) implements Mapped {
    }

    public record Refused(String id, String reason) implements Mapped {
    }

    /**
     * @param unit     the unit the suite counts the product's stock in (whole "units" for a product neither the
     *                 catalogue nor the import knows a unit of)
     * @param decimals that unit's decimals
     */
    public Mapped map(Map<String, Object> record, String unit, int decimals, Instant now) {
        String id = text(record.get("id"));
        if (id == null) {
            return new Refused(text(record.get("_id")), "no id: references to it could not be kept");
        }
        String productId = text(record.get("product_id"));
        String clientId = text(record.get("client_id"));
        if (productId == null || clientId == null) {
            return new Refused(id, "no product_id or client_id: stock is held per product and client");
        }
        BigDecimal quantity = decimal(record.get("quantity_on_hand"));
        if (quantity == null) {
            return new Refused(id, "quantity_on_hand is missing or not a number");
        }
        if (quantity.signum() < 0) {
            return new Refused(id, "quantity_on_hand " + quantity.toPlainString() + " is below zero (an oversell of the "
                    + "original); correct it there, or import it as 0 and adjust");
        }
        Long steps = steps(quantity, decimals);
        if (steps == null) {
            return new Refused(id, "quantity_on_hand " + quantity.toPlainString() + " has more decimals than " + unit
                    + " allows (" + decimals + "); give product " + productId + " its unit in the mapping file's stock units");
        }
        BigDecimal reorder = decimal(record.get("reorder_level"));
        Long reorderSteps = reorder == null || reorder.signum() < 0 ? null : steps(reorder, decimals);
        Instant created = instant(record.get("created_at"));
        return new Accepted(new StockItem(id, productId, clientId, steps, 0, unit, decimals, 1,
                created == null ? now : created, now, reorderSteps, reorderSteps == null ? 0 : 1, false), steps);
    }

    /** The quantity in whole steps of 10^-decimals, or null if it has finer parts than that. */
    private static Long steps(BigDecimal quantity, int decimals) {
        BigDecimal scaled = quantity.movePointRight(decimals);
        try {
            return scaled.stripTrailingZeros().scale() > 0 ? null : scaled.longValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }
}
