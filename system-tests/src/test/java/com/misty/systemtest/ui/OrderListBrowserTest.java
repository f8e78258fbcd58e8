package com.misty.systemtest.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order list narrowed by the day orders were created and exported as CSV through the UI (the download carries
 * the user's token: fetched, then saved); searched by client code, due-date range and status, sorted and paged;
 * cancelling an order by keyboard in a dialog that keeps the focus inside.
 */
@Order(73)
class OrderListBrowserTest extends BrowserTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Test
    void officeStaffNarrowTheListByCreationDayAndExportWhatItShows() throws Exception {
        Session office = Accounts.newUser(suite, admin, "manager");
        String client = Clients.create(office, "Export client");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(office.post("/api/orders", Map.of("client_id", client, "contact_name", "Ada, \"the buyer\" " + i,
                            "lines", List.of(Map.of("product_id", UiFixtures.unique("sheet"), "quantity", 1 + i))))
                    .expect(201).field("order_number").asText());
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Page page = browser.newPage();
        signInAs(page, office);
        page.navigate("/#/orders");
        page.getByLabel("Client", EXACT).fill(client);
        page.getByLabel("Created from", EXACT).fill(today);
        page.getByLabel("Created to", EXACT).fill(today);
        button(page, "Search").click();
        Locator rows = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Orders")).locator("tbody tr");
        assertThat(rows).hasCount(3);
        UiBrowser.screenshot(page, "orders-list-filtered");

        Download download = page.waitForDownload(() -> button(page, "Export these orders as CSV").click());
        assertThat(download.suggestedFilename()).endsWith(".csv");
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("order_number,id,client_id,client_name,status");
        assertThat(lines).hasSize(4); // the header and the three orders the list shows, nothing else
        for (String number : numbers) {
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(number + ","));
        }
        assertThat(String.join("\n", lines)).contains("\"Ada, \"\"the buyer\"\" 0\"");

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        page.getByLabel("Created from", EXACT).fill(yesterday);
        page.getByLabel("Created to", EXACT).fill(yesterday);
        button(page, "Search").click();
        assertThat(page.getByText("No orders match.")).isVisible();
        assertThat(rows).hasCount(0);
    }

    @Test
    void officeStaffFindOrdersByClientNameStatusAndDueDateSortAndPage() {
        Session office = Accounts.newUser(suite, admin, "manager");
        String client = Clients.create(office, "Search client");
        String code = office.get("/api/clients/" + client).expect(200).field("code").asText();
        List<String> numbers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) { // one more than a page
            JsonNode placed = office.post("/api/orders", Map.of("client_id", client, "due_date", LocalDate.of(2030, 1, 1).plusDays(i).toString(),
                            "lines", List.of(Map.of("product_id", UiFixtures.unique("none"), "quantity", 1))))
                    .expect(201).json();
            numbers.add(placed.path("order_number").asText());
            ids.add(placed.path("id").asText());
        }
        // No stock of these products: the saga rejects the orders (the three the status filter below looks at).
        for (String id : ids.subList(0, 3)) {
            UiFixtures.awaitOrder(office, id, o -> "REJECTED".equals(o.path("status").asText()));
        }

        Page page = browser.newPage();
        signInAs(page, office);
        page.navigate("/#/orders");
        Locator rows = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Orders")).locator("tbody tr");
        // A select's accessible name includes its chosen option ("Sort Newest first"): found in the search form by label.
        Locator search = page.getByRole(AriaRole.SEARCH);
        // The client by its code (offered as "CODE — name"), sorted by order number: 20 on the first page, the 21st next.
        page.getByLabel("Client", EXACT).fill(code);
        assertThat(page.locator("#list-client-choices option[value='" + client + "']")).hasCount(1);
        search.getByLabel("Sort").selectOption("order_number:asc");
        button(page, "Search").click();
        assertThat(page.getByText("Page 1 of 2 (21 orders)")).isVisible();
        assertThat(rows).hasCount(20);
        assertThat(rows.first()).containsText(numbers.get(0));
        button(page, "Next page").click();
        assertThat(page.getByText("Page 2 of 2 (21 orders)")).isVisible();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(numbers.get(20));
        button(page, "Previous page").click();
        assertThat(rows).hasCount(20);

        // Due in the first three days of 2030, newest due date first; then the status filter.
        page.getByLabel("Due from", EXACT).fill("2030-01-01");
        page.getByLabel("Due to", EXACT).fill("2030-01-03");
        search.getByLabel("Sort").selectOption("due_date:desc");
        button(page, "Search").click();
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0)).containsText(numbers.get(2));
        assertThat(rows.nth(0)).containsText("2030-01-03");
        assertThat(rows.nth(2)).containsText(numbers.get(0));
        search.getByLabel("Status").selectOption("REJECTED");
        button(page, "Search").click();
        assertThat(rows).hasCount(3);
        search.getByLabel("Status").selectOption("CONFIRMED");
        button(page, "Search").click();
        assertThat(page.getByText("No orders match.")).isVisible();
    }

    @Test
    void theCancelDialogKeepsTheKeyboardInsideAndGivesTheFocusBack() {
        Session office = Accounts.newUser(suite, admin, "manager");
        JsonNode order = UiFixtures.confirmedOrder(office, 100, 1);

        Page page = browser.newPage();
        signInAs(page, office);
        page.navigate("/#/orders/" + order.path("id").asText());
        Locator opener = button(page, "Cancel order");
        opener.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Cancel order " + order.path("order_number").asText());
        Locator reason = dialog.getByLabel("Reason");
        assertThat(reason).isFocused();
        // Reason → "Cancel the order" → "Keep the order" → back to Reason, never to the page behind.
        page.keyboard().press("Tab");
        assertThat(button(page, "Cancel the order")).isFocused();
        page.keyboard().press("Tab");
        assertThat(button(page, "Keep the order")).isFocused();
        page.keyboard().press("Tab");
        assertThat(reason).isFocused();
        page.keyboard().press("Shift+Tab");
        assertThat(button(page, "Keep the order")).isFocused();
        UiBrowser.screenshot(page, "order-cancel-dialog");

        page.keyboard().press("Escape");
        assertThat(dialog).hasCount(0);
        assertThat(opener).isFocused();

        page.keyboard().press("Enter");
        reason.fill("client withdrew");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByText("The order is cancelled.")).isVisible();
        assertThat(page.locator(".title-row .status")).hasText("Cancelled");
    }
}
