package com.misty.systemtest.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * Browser test 2, the original Test 5 in two browser contexts: A changes a quantity and saves; B, still on the old
 * version, changes the contact and saves, sees the conflict dialog with A's change and applies its own change on
 * top; both changes are stored.
 */
@Order(61)
class OrderConflictBrowserTest extends BrowserTest {

    @Test
    void bothChangesAreStoredAfterTheConflictDialog() {
        Session userA = Accounts.newUser(suite, admin, "manager");
        Session userB = Accounts.newUser(suite, admin, "production");
        JsonNode order = UiFixtures.confirmedOrder(userA, 100_000, 100);
        String id = order.path("id").asText();
        String product = order.path("lines").get(0).path("product_id").asText();

        Page a = browser.newPage();
        signInAs(a, userA);
        Page b = browser.newPage();
        signInAs(b, userB);
        for (Page page : new Page[] {a, b}) {
            page.navigate("/#/orders/" + id);
            button(page, "Edit order").click();
            assertThat(page.getByLabel("Line 1 quantity")).hasValue("100");
        }
        UiBrowser.screenshot(a, "order-edit");

        a.getByLabel("Line 1 quantity").fill("5000");
        button(a, "Save changes").click();
        assertThat(a.getByText("Saved (version")).isVisible();

        b.getByLabel("Contact name").fill("Bob Changed");
        button(b, "Save changes").click();
        Locator dialog = b.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Someone else changed this order");
        Locator contactRow = dialog.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("Contact name"));
        assertThat(contactRow).containsText("Bob Changed");
        assertThat(contactRow).containsText("Ada Original");
        Locator linesRow = dialog.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("Lines"));
        assertThat(linesRow).containsText(product + " × 5000");
        assertThat(linesRow).containsText("not changed by you");
        // The keyboard stays in the dialog: its first button has the focus, Tab cycles between its two buttons.
        Locator apply = button(b, "Apply my changes to the current version");
        assertThat(apply).isFocused();
        b.keyboard().press("Tab");
        assertThat(button(b, "Discard mine")).isFocused();
        b.keyboard().press("Tab");
        assertThat(apply).isFocused();
        UiBrowser.screenshot(b, "order-conflict-dialog");

        // The saga may move the version once more while B applies: the dialog then shows again; apply again.
        Locator saved = b.getByText("Saved (version");
        for (int attempt = 0; attempt < 4 && !saved.isVisible(); attempt++) {
            button(b, "Apply my changes to the current version").click();
            assertThat(saved.or(dialog).first()).isVisible();
        }
        assertThat(saved).isVisible();

        JsonNode stored = UiFixtures.awaitOrder(userA, id, o -> o.path("pending_revision").isNull()
                || o.path("pending_revision").isMissingNode());
        org.assertj.core.api.Assertions.assertThat(stored.path("contact_name").asText()).isEqualTo("Bob Changed");
        org.assertj.core.api.Assertions.assertThat(stored.path("lines").get(0).path("quantity").asLong()).isEqualTo(5000);
        org.assertj.core.api.Assertions.assertThat(stored.path("status").asText()).isEqualTo("CONFIRMED");
        UiBrowser.screenshot(b, "order-detail");
    }
}
