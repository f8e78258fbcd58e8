package com.misty.inventory;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.ServiceConformanceTests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service boots against the real broker and the MongoDB stand-in, reports ready and answers problem+json. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class InventoryServiceBootTest extends ServiceConformanceTests {

    @Override
    protected String jsonPostPath() {
        return "/api/stock/receipts";
    }

    @Override
    protected String authenticatedPath() {
        return "/api/stock";
    }
}
