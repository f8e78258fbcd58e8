package com.misty.systemtest.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.signInAs;

/** Stock in the browser: a receipt, an allocation refused with what is available, one granted, the ledger. */
@Order(67)
class StockBrowserTest extends BrowserTest {

    @Test
    void refusedAllocationSaysWhatIsAvailable() {
        Session production = Accounts.newUser(suite, admin, "production");
        String product = UiFixtures.unique("film");
        String client = UiFixtures.unique("client");
        Page page = browser.newPage();
        signInAs(page, production);
        page.navigate("/#/stock");

        Locator receive = form(page, "Receive stock");
        receive.getByLabel("Product").fill(product);
        receive.getByLabel("Client").fill(client);
        receive.getByLabel("Quantity received").fill("100");
        receive.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Received")))
                .containsText("100 on hand now");

        Locator allocate = form(page, "Allocate stock");
        allocate.getByLabel("Product").fill(product);
        allocate.getByLabel("Client").fill(client);
        allocate.getByLabel("Quantity to allocate").fill("150");
        allocate.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Available now: 100");
        UiBrowser.screenshot(page, "stock-insufficient");

        allocate.getByLabel("Product").fill(product);
        allocate.getByLabel("Client").fill(client);
        allocate.getByLabel("Quantity to allocate").fill("30");
        allocate.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Allocated")))
                .containsText("70 on hand now");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ledger of " + product + " for " + client)).click();
        Locator ledger = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Ledger"));
        assertThat(ledger.getByRole(AriaRole.ROW)).hasCount(3); // header, receipt, allocation
        assertThat(ledger).containsText("+100");
        assertThat(ledger).containsText("-30");
        UiBrowser.screenshot(page, "stock-ledger");
    }

    private static Locator form(Page page, String name) {
        return page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName(name));
    }
}
