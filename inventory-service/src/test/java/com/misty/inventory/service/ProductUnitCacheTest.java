package com.misty.inventory.service;

import com.misty.inventory.domain.UnitOfMeasure;
import com.misty.inventory.repository.ProductRepository;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unit a replica remembers for a product is the one its stock is counted in, even when another replica changed
 * the product's unit before its first receipt (that replica's change does not clear this one's memory).
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class ProductUnitCacheTest {

    @Inject
    StockService service;
    @Inject
    ProductService products;
    @Inject
    ProductRepository catalogue;

    @Test
    void aUnitChangedElsewhereBeforeTheFirstReceiptIsTheUnitAllocationsCountIn() {
        String code = "foil-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        products.create(code, "Foil", "kilogram");
        // This replica looks at the product while it has no stock (an allocation refused for want of stock)...
        assertThatThrownBy(() -> service.allocate(code, client, new BigDecimal("1.5"), null, "prod-1"));
        assertThat(products.countedIn(code).decimals()).isEqualTo(3);
        // ...then another replica changes its unit to sheets, straight in the catalogue as that replica would.
        assertThat(catalogue.update(code, 1, "Foil", UnitOfMeasure.SHEET)).isPresent();

        String stockId = service.receive(code, client, new BigDecimal("100"), "first receipt", "prod-1").id();
        service.allocate(code, client, new BigDecimal("7"), null, "prod-1");

        assertThat(service.get(stockId).unit()).isEqualTo("sheet");
        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(93);
        assertThat(service.get(stockId).quantityAllocated()).isEqualTo(7);
        assertThat(products.countedIn(code)).isEqualTo(new ProductService.CountedIn("sheet", 0));
    }
}
