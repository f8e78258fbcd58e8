package com.misty.systemtest.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * The products page as a manager uses it: add a product in kilograms, rename it, lose an edit to a colleague
 * (409: told, and the current version shown), receive stock of it in decimals and see it with its unit.
 */
@Order(69)
class ProductsBrowserTest extends BrowserTest {

    @Test
    void aManagerMaintainsTheCatalogueAndStockShowsTheUnit() {
        Session manager = Accounts.newUser(suite, admin, "manager");
        String code = UiFixtures.unique("ink");
        String client = UiFixtures.unique("client");
        Page page = browser.newPage();
        signInAs(page, manager);
        page.navigate("/#/products");

        Locator create = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New product"));
        create.getByLabel("Code").fill(code);
        create.getByLabel("Name").fill("Cyan ink");
        create.getByLabel("Unit").selectOption("kilogram");
        button(page, "Create product").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Created"))).containsText("Created " + code);
        Locator table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Products"));
        assertThat(table).containsText("kilogram");

        // Open the edit form (version 1), then a colleague renames the product first.
        button(page, "Edit " + code).click();
        manager.put("/api/stock/products/" + code, Map.of("name", "Cyan ink (colleague)", "unit", "kilogram", "version", 1))
                .expect(200);
        Locator edit = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit product"));
        edit.getByLabel("Name").fill("Cyan process ink");
        button(page, "Save product").click();
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("current version")))
                .containsText("reloaded with the current version");
        assertThat(edit).containsText("version 2");
        edit.getByLabel("Name").fill("Cyan process ink");
        button(page, "Save product").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved"))).containsText("Saved " + code);
        assertThat(table).containsText("Cyan process ink");
        UiBrowser.screenshot(page, "products");

        page.navigate("/#/stock");
        Locator receive = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Receive stock"));
        receive.getByLabel("Product").fill(code);
        receive.getByLabel("Client").fill(client);
        receive.getByLabel("Quantity received").fill("12.345");
        receive.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Received")))
                .containsText("12.345 on hand now");

        JsonNode product = manager.get("/api/stock/products/" + code).expect(200).json();
        org.assertj.core.api.Assertions.assertThat(product.path("name").asText()).isEqualTo("Cyan process ink");
        org.assertj.core.api.Assertions.assertThat(product.path("version").asLong()).isEqualTo(3);
    }

    /**
     * The list is read again after a save; until that read is back the rows still hold the old version, so their
     * Delete stays disabled and "Saved" waits for it (it once showed at once, and a Delete pressed then met a 409).
     * The read is held here, as a busy server would hold it.
     */
    @Test
    void aProductJustSavedIsDeletedWithItsStoredVersion() {
        Session manager = Accounts.newUser(suite, admin, "manager");
        String code = UiFixtures.unique("varnish");
        Page page = browser.newPage();
        List<Route> heldReads = new CopyOnWriteArrayList<>();
        AtomicBoolean holdReads = new AtomicBoolean();
        page.route("**/api/stock/products?**", route -> {
            if (holdReads.get()) {
                heldReads.add(route);
            } else {
                route.resume();
            }
        });
        signInAs(page, manager);
        page.navigate("/#/products");

        Locator create = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New product"));
        create.getByLabel("Code").fill(code);
        create.getByLabel("Name").fill("Gloss varnish");
        button(page, "Create product").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Created"))).containsText("Created " + code);
        button(page, "Edit " + code).click();
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit product")).getByLabel("Name").fill("Matt varnish");
        holdReads.set(true);
        button(page, "Save product").click();
        page.waitForCondition(() -> !heldReads.isEmpty());

        assertThat(button(page, "Delete " + code)).isDisabled();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved"))).hasCount(0);
        holdReads.set(false);
        heldReads.forEach(Route::resume);
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved"))).containsText("Saved " + code);
        button(page, "Delete " + code).click();

        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Deleted"))).containsText("Deleted " + code);
        assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
        manager.get("/api/stock/products/" + code).expect(404);
    }
}
