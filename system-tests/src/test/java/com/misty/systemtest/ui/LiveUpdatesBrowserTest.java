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

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * Browser test 3: a second context sees A's new order and A's status change without reloading, and B's open edit
 * form shows the stale-data banner when A changes that order. An interrupted live feed is shown in the header and,
 * once it resumes, the order placed meanwhile is not missed.
 */
@Order(62)
class LiveUpdatesBrowserTest extends BrowserTest {

    private static final String NOT_RELOADED = "window.mistyTestMarker";

    @Test
    void newOrdersAndStatusChangesArriveWithoutReloading() {
        Session userA = Accounts.newUser(suite, admin, "manager");
        Session userB = Accounts.newUser(suite, admin, "production");
        String product = UiFixtures.unique("board");
        String client = Clients.create(userA, "Live updates");
        UiFixtures.received(userA, product, client, 1000);

        Page b = browser.newPage();
        signInAs(b, userB);
        assertThat(b.getByRole(AriaRole.STATUS, new Page.GetByRoleOptions().setName("Live updates on"))).isVisible();
        b.evaluate(NOT_RELOADED + " = 'still the same page'");

        // A places an order in the UI; B's list shows it.
        Page a = browser.newPage();
        signInAs(a, userA);
        a.navigate("/#/orders/new");
        a.getByLabel("Client").fill(client);
        a.getByLabel("Contact name").fill("Live Tester");
        a.getByLabel("Line 1 product").fill(product);
        a.getByLabel("Line 1 quantity").fill("40");
        button(a, "Place order").click();
        Locator heading = a.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
        assertThat(heading).containsText("Order ORD-");
        String orderNumber = heading.innerText().replace("Order ", "").trim();
        String id = a.url().replaceAll(".*#/orders/", "");

        Locator row = b.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(orderNumber));
        assertThat(row).isVisible();
        assertThat(row).containsText("Confirmed");
        UiBrowser.screenshot(b, "orders-list-live");

        // B opens the order and starts editing; A cancels it: B's record updates and the banner shows.
        JsonNode before = userA.get("/api/orders/" + id).expect(200).json();
        b.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(orderNumber)).click();
        button(b, "Edit order").click();
        b.getByLabel("Notes", new Page.GetByLabelOptions().setExact(true)).fill("B was typing this");

        button(a, "Cancel order").click();
        a.getByLabel("Reason").fill("client withdrew");
        button(a, "Cancel the order").click();
        assertThat(a.getByText("The order is cancelled.")).isVisible();

        Locator banner = b.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("changed by"));
        assertThat(banner).isVisible();
        // The services record who changed an order by user id; the banner names the user (auth-service's names).
        assertThat(banner).containsText("changed by System Test " + userA.username() + " at ");
        assertThat(b.getByLabel("Notes", new Page.GetByLabelOptions().setExact(true))).hasValue("B was typing this");
        assertThat(b.locator("misty-order-detail .status").first()).hasText("Cancelled");
        UiBrowser.screenshot(b, "order-stale-banner");

        b.navigate("/#/orders");
        assertThat(row).containsText("Cancelled");
        org.assertj.core.api.Assertions.assertThat(b.evaluate(NOT_RELOADED)).isEqualTo("still the same page");
        org.assertj.core.api.Assertions.assertThat(before.path("status").asText()).isNotEqualTo("CANCELLED");
    }

    @Test
    void anInterruptedFeedIsShownAndResumesWithoutMissingAnOrder() {
        Session office = Accounts.newUser(suite, admin, "manager");
        Session colleague = Accounts.newUser(suite, admin, "manager");
        String client = Clients.create(office, "Live drop");

        Page page = browser.newPage();
        signInAs(page, office);
        page.navigate("/#/orders");
        page.getByLabel("Client", new Page.GetByLabelOptions().setExact(true)).fill(client);
        button(page, "Search").click();
        assertThat(page.getByText("No orders match.")).isVisible();
        Locator indicator = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(
                java.util.regex.Pattern.compile("^(Live|Not live)$")));
        assertThat(indicator).hasAccessibleName("Live updates on");
        page.evaluate(NOT_RELOADED + " = 'still the same page'");

        // The feed drops: the gateway ends the stream when the access token expires (20 s here), and reconnecting
        // fails while the stream's address is cut off. The header says so.
        page.route("**/api/events/stream", com.microsoft.playwright.Route::abort);
        assertThat(indicator).hasAccessibleName("Live updates interrupted, reconnecting…",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAccessibleNameOptions().setTimeout(60_000));
        UiBrowser.screenshot(page, "live-interrupted");

        // Meanwhile a colleague places an order: nothing on this page can know yet.
        String number = colleague.post("/api/orders", Map.of("client_id", client,
                        "lines", List.of(Map.of("product_id", UiFixtures.unique("none"), "quantity", 1))))
                .expect(201).field("order_number").asText();
        Locator rows = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Orders")).locator("tbody tr");
        assertThat(rows).hasCount(0);

        // The connection is back: the feed resumes from the last event it had (Last-Event-ID), and the order it
        // missed shows without a reload.
        page.unroute("**/api/events/stream");
        assertThat(indicator).hasAccessibleName("Live updates on",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAccessibleNameOptions().setTimeout(30_000));
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(number))).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(page.evaluate(NOT_RELOADED)).isEqualTo("still the same page");
    }
}
