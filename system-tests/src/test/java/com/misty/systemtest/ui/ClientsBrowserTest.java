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
 * Office staff keep the clients: one creates a client and finds it by name; two edit it at once, the second sees the
 * conflict dialog with the first one's change and applies their own on top; a client is deactivated.
 */
@Order(70)
class ClientsBrowserTest extends BrowserTest {

    @Test
    void createFindEditWithTheConflictDialogAndDeactivate() {
        Session userA = Accounts.newUser(suite, admin, "manager");
        Session userB = Accounts.newUser(suite, admin, "production");
        String code = UiFixtures.unique("CL").toUpperCase();

        Page a = browser.newPage();
        signInAs(a, userA);
        a.navigate("/#/clients");
        Locator form = a.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New client"));
        form.getByLabel("Code").fill(code);
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Harbour Print " + code);
        form.getByLabel("Contact name").fill("Ada Original");
        button(a, "Create client").click();
        assertThat(a.getByText("Created client " + code)).isVisible();

        Page b = browser.newPage();
        signInAs(b, userB);
        // A finds the client by a part of its name, B by its code (either case).
        String[] searches = {"harbour print " + code.toLowerCase(), code.toLowerCase()};
        Page[] pages = {a, b};
        for (int i = 0; i < 2; i++) {
            Page page = pages[i];
            page.navigate("/#/clients");
            page.getByLabel("Code or name").fill(searches[i]);
            button(page, "Search").click();
            assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(code))).hasCount(1);
            button(page, "Edit " + code).click();
        }
        a.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Harbour Print AG " + code);
        button(a, "Save client").click();
        assertThat(a.getByText("Saved " + code + " (version 2)")).isVisible();

        Locator editB = b.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit client"));
        editB.getByLabel("Contact name").fill("Bob Changed");
        button(b, "Save client").click();
        Locator dialog = b.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Someone else changed this client");
        assertThat(dialog.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("Name"))).containsText("Harbour Print AG " + code);
        assertThat(dialog.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("Main contact"))).containsText("Bob Changed");
        UiBrowser.screenshot(b, "client-conflict-dialog");
        button(b, "Apply my changes to the current version").click();
        assertThat(b.getByText("Saved " + code + " (version 3)")).isVisible();

        button(b, "Deactivate " + code).click();
        assertThat(b.getByText(code + " is deactivated")).isVisible();

        JsonNode stored = userA.get("/api/clients?q=" + code).expect(200).json().get("items").get(0);
        org.assertj.core.api.Assertions.assertThat(stored.path("name").asText()).isEqualTo("Harbour Print AG " + code);
        org.assertj.core.api.Assertions.assertThat(stored.path("contacts").get(0).path("name").asText()).isEqualTo("Bob Changed");
        org.assertj.core.api.Assertions.assertThat(stored.path("active").asBoolean()).isFalse();
        org.assertj.core.api.Assertions.assertThat(stored.path("version").asLong()).isEqualTo(4);
    }
}
