package com.misty.inventory.service;

import com.misty.inventory.domain.InventoryProblems;
import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.Product;
import com.misty.inventory.domain.UnitOfMeasure;
import com.misty.inventory.repository.ProductRepository;
import com.misty.inventory.repository.StockRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product catalogue. A product's unit is fixed once stock of it exists (the records count in its smallest
 * step), which is also what makes the decimals cached per product safe to use on the allocation path.
 */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final StockRepository stock;
    private final Map<String, CountedIn> units = new ConcurrentHashMap<>();

    /** How stock of a product is counted: its unit's name and decimals. */
    public record CountedIn(String unit, int decimals) {
    }

    public ProductService(ProductRepository products, StockRepository stock) {
        this.products = products;
        this.stock = stock;
    }

    public Product create(String code, String name, String unitCode) {
        UnitOfMeasure unit = unit(unitCode);
        if (unit.decimals() > 0 && stock.existsFor(code)) {
            // Whole-unit stock of this code exists already; it cannot become a decimal unit.
            throw InventoryProblems.unitInUse(code);
        }
        if (!products.create(code, name, unit)) {
            throw InventoryProblems.productExists(code);
        }
        units.remove(code);
        return get(code);
    }

    /**
     * Adds an imported product unless the catalogue has it or stock of it is counted already (in whole units, which
     * it keeps); true if it was added.
     */
    public boolean addImported(String code, String name, UnitOfMeasure unit) {
        if (products.find(code).isPresent() || stock.existsFor(code)) {
            return false;
        }
        boolean added = products.create(code, name, unit);
        units.remove(code);
        return added;
    }

    public Product update(String code, long version, String name, String unitCode) {
        UnitOfMeasure unit = unit(unitCode);
        Product current = get(code);
        if (current.unit() != unit && stock.existsFor(code)) {
            throw InventoryProblems.unitInUse(code);
        }
        Product updated = products.update(code, version, name, unit)
                .orElseThrow(() -> InventoryProblems.staleProduct(code, get(code).version()));
        units.remove(code);
        return updated;
    }

    public void delete(String code, long version) {
        Product current = get(code);
        if (stock.existsFor(code)) {
            throw InventoryProblems.productInUse(code);
        }
        if (!products.delete(code, version)) {
            throw InventoryProblems.staleProduct(code, current.version());
        }
        units.remove(code);
    }

    public Product get(String code) {
        return products.find(code).orElseThrow(() -> InventoryProblems.productNotFound(code));
    }

    public Optional<Product> find(String code) {
        return products.find(code);
    }

    public Page<Product> list(int page, int size) {
        return products.list(page, size);
    }

    /** Decimals of the product's unit; 0 (whole units) for a product not in the catalogue. */
    public int decimalsOf(String productId) {
        return countedIn(productId).decimals();
    }

    /**
     * The product's unit and decimals; whole {@code units} for a product not in the catalogue. Kept only once stock
     * of the product exists: before that its unit may still change, and another replica changing it would not clear
     * this replica's copy. The stock is looked for before the product is read, so the unit read is the fixed one.
     */
    public CountedIn countedIn(String productId) {
        CountedIn known = units.get(productId);
        if (known != null) {
            return known;
        }
        boolean fixed = stock.existsFor(productId);
        CountedIn read = products.find(productId)
                .map(p -> new CountedIn(p.unit().code(), p.unit().decimals()))
                .orElse(new CountedIn(com.misty.inventory.domain.Quantities.UNIT, 0));
        if (fixed) {
            units.put(productId, read);
        }
        return read;
    }

    private static UnitOfMeasure unit(String code) {
        return UnitOfMeasure.of(code).orElseThrow(() -> InventoryProblems.unknownUnit(code));
    }
}
