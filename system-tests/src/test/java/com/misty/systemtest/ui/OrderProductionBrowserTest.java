package com.misty.systemtest.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * What office staff and a production lead do: place an order by picking the client, find it by number, move the
 * confirmed order into production and complete it, and read its history; the order shows the client's name and its
 * lines the product's name and unit.
 */
@Order(69)
class OrderProductionBrowserTest extends BrowserTest {

    @Test
    void aLeadStartsAndCompletesAConfirmedOrderAndItsHistoryShowsEachStep() {
        Session lead = Accounts.newUser(suite, admin, "production");
        JsonNode order = UiFixtures.confirmedOrder(lead, 1000, 10);
        String id = order.path("id").asText();

        Page page = browser.newPage();
        signInAs(page, lead);
        page.navigate("/#/orders");
        page.getByLabel("Order number", new Page.GetByLabelOptions().setExact(true)).fill(order.path("order_number").asText());
        button(page, "Search").click();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(order.path("order_number").asText()));
        assertThat(row).hasCount(1);
        assertThat(row).containsText(order.path("client_name").asText());
        row.getByRole(AriaRole.LINK).click();

        button(page, "Start production").click();
        assertThat(page.getByText("The order is in production.")).isVisible();
        button(page, "Complete order").click();
        assertThat(page.getByText("The order is completed; inventory consumes its stock.")).isVisible();
        assertThat(page.locator(".title-row .status")).hasText("Completed");
        assertThat(button(page, "Edit order")).hasCount(0);

        Locator history = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("History"));
        // Versions 1-4: placed, confirmed by inventory, in production, completed; inventory's StockConsumed answer
        // adds version 5 when it arrives, which may be before or after this page reads the history.
        assertThat(history.locator("tr[data-version='1']")).hasCount(1);
        assertThat(history.locator("tr[data-version='3']")).containsText("IN_PRODUCTION");
        assertThat(history.locator("tr[data-version='4']")).containsText("COMPLETED");
        assertThat(history.locator("tr[data-version='4']")).containsText("status changed");
        assertThat(history.locator("tr[data-version='3']")).containsText("System Test " + lead.username());
        UiBrowser.screenshot(page, "order-completed-history");

        JsonNode stored = UiFixtures.awaitOrder(lead, id, o -> o.hasNonNull("stock_consumed_at"));
        org.assertj.core.api.Assertions.assertThat(stored.path("status").asText()).isEqualTo("COMPLETED");
        org.assertj.core.api.Assertions.assertThat(stored.path("version").asLong()).isEqualTo(5);
    }

    @Test
    void officeStaffPickTheClientByNameWhenPlacingAnOrder() {
        Session office = Accounts.newUser(suite, admin, "manager");
        String clientId = Clients.create(office, "Picker");
        String name = office.get("/api/clients/" + clientId).expect(200).field("name").asText();

        Page page = browser.newPage();
        signInAs(page, office);
        page.navigate("/#/orders/new");
        Locator client = page.getByLabel("Client");
        client.fill(name.substring(name.length() - 8));
        assertThat(page.locator("#client-choices option")).hasCount(1);
        assertThat(client).hasAccessibleDescription("1 client matches \"" + name.substring(name.length() - 8) + "\": pick one from the list.");
        client.fill(clientId);
        assertThat(client).hasAccessibleDescription(name + " (" + office.get("/api/clients/" + clientId).expect(200).field("code").asText() + ")");
        page.getByLabel("Line 1 product").fill(UiFixtures.unique("board"));
        page.getByLabel("Line 1 quantity").fill("3");
        button(page, "Place order").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Order ORD-");
        assertThat(page.getByLabel("Order details")).containsText(name);
        assertThat(page.getByLabel("Order details")).containsText("Ada Buyer");
        org.assertj.core.api.Assertions.assertThat(office.get("/api/orders?client_id=" + clientId).expect(200)
                .field("total").asLong()).isEqualTo(1);
        page.navigate("/#/orders/new");
        client = page.getByLabel("Client");
        client.fill("no-such-client");
        assertThat(client).hasAccessibleDescription(java.util.regex.Pattern.compile("no-such-client is not a client order-service knows"));
        page.getByLabel("Line 1 product").fill("x");
        button(page, "Place order").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("does not exist");
    }

    @Test
    void officeStaffPickTheProductFromTheRegistryAndSeeItsUnit() {
        Session office = Accounts.newUser(suite, admin, "manager");
        String code = UiFixtures.registeredProduct(office, "card", "Ivory card 300 gsm", "sheet");
        String clientId = Clients.create(office, "Product picker");
        UiFixtures.received(office, code, clientId, 500);

        Page page = browser.newPage();
        signInAs(page, office);
        page.navigate("/#/orders/new");
        // The registry is offered with names and units; picking one shows its unit next to the quantity.
        assertThat(page.locator("#product-choices option[value='" + code + "']")).hasText("Ivory card 300 gsm (sheets)");
        page.getByLabel("Client").fill(clientId);
        Locator product = page.getByLabel("Line 1 product");
        product.fill(code);
        assertThat(page.getByLabel("Line 1 quantity")).hasAccessibleDescription("sheets");
        assertThat(product).hasAccessibleDescription("Ivory card 300 gsm");
        // A code the registry does not hold is explained next to the line.
        product.fill("no-such-card");
        assertThat(product).hasAccessibleDescription(java.util.regex.Pattern.compile("no-such-card is not in the product registry"));
        assertThat(page.getByLabel("Line 1 quantity")).hasAccessibleDescription("units");
        product.fill(code);
        page.getByLabel("Line 1 quantity").fill("20");
        UiBrowser.screenshot(page, "order-new-product-picker");
        button(page, "Place order").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Order ORD-");
        // The order's lines name the product and its unit.
        assertThat(page.getByLabel("Order details").locator("[data-field=lines]")).hasText("Ivory card 300 gsm (" + code + ") × 20 sheets");

        // An order whose product is not (or no longer) in the registry says so when it is edited.
        JsonNode legacy = UiFixtures.confirmedOrder(office, 100, 10);
        String legacyProduct = legacy.path("lines").get(0).path("product_id").asText();
        page.navigate("/#/orders/" + legacy.path("id").asText());
        assertThat(page.getByLabel("Order details").locator("[data-field=lines]")).hasText(legacyProduct + " × 10 units");
        button(page, "Edit order").click();
        assertThat(page.getByLabel("Line 1 product")).hasAccessibleDescription(java.util.regex.Pattern.compile(
                legacyProduct + " is not in the product registry any more \\(removed, or never added\\)"));
    }
}
