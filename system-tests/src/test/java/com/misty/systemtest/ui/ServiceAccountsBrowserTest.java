package com.misty.systemtest.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Response;
import com.misty.systemtest.SuiteClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin sets up a machine client (say, the scanner station on the press floor): creates a service account, copies
 * the secret shown once, rotates it (the old secret stops working) and disables the account (no secret works).
 */
@Order(71)
class ServiceAccountsBrowserTest extends BrowserTest {

    @Test
    void adminCreatesRotatesAndDisablesAServiceAccount() {
        String name = UiFixtures.unique("scanner-station");
        Page page = browser.newPage();
        signInAs(page, admin);
        page.navigate("/#/users");

        page.getByLabel("Account name").fill(name);
        page.getByLabel("manager", new Page.GetByLabelOptions().setExact(true)).check();
        // production is ticked already (the usual role of a machine client); auth-service keeps roles sorted.
        button(page, "Create service account").click();
        assertThat(page.getByText("Created service account " + name + " (manager, production).")).isVisible();
        Locator secretBox = page.getByRole(AriaRole.STATUS, new Page.GetByRoleOptions().setName("Secret of " + name));
        String clientId = secretBox.locator("code").first().innerText();
        String firstSecret = secretBox.locator("code.secret").innerText();
        UiBrowser.screenshot(page, "service-account-secret");
        assertThat(tokenFor(clientId, firstSecret).status()).isEqualTo(200);

        button(page, "I have stored it").click();
        assertThat(secretBox).hasCount(0);
        Locator row = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Service accounts"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("manager, production");

        button(page, "Rotate the secret of " + name).click();
        assertThat(page.getByText("New secret for " + name + "; the old one no longer works.")).isVisible();
        String secondSecret = secretBox.locator("code.secret").innerText();
        assertThat(secondSecret).isNotEqualTo(firstSecret);
        assertThat(tokenFor(clientId, firstSecret).status()).isEqualTo(401);
        assertThat(tokenFor(clientId, secondSecret).status()).isEqualTo(200);

        button(page, "Disable " + name).click();
        assertThat(page.getByText(name + " is disabled; its tokens no longer work.")).isVisible();
        assertThat(row.getByRole(AriaRole.CELL).nth(3)).hasText("no");
        assertThat(tokenFor(clientId, secondSecret).status()).isEqualTo(401);
    }

    private static Response tokenFor(String clientId, String secret) {
        return suite.client().send("POST", "/api/auth/token", null, SuiteClient.json(Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)), Map.of());
    }
}
