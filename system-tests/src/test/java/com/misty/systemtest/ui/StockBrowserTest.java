package com.misty.systemtest.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * Stock in the browser: a receipt, an allocation refused with what is available, one granted, released (and the
 * refusals of a second release and of an unknown allocation in words), the ledger naming who did each step.
 */
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
        Locator allocated = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Allocated"));
        assertThat(allocated).containsText("70 on hand now");
        Matcher allocation = Pattern.compile("Allocation (\\S+) \\(").matcher(allocated.textContent());
        org.assertj.core.api.Assertions.assertThat(allocation.find()).as("the allocation's id is shown").isTrue();

        Locator release = form(page, "Release allocation");
        release.getByLabel("Allocation to release").fill(allocation.group(1));
        release.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Released allocation")))
                .containsText("30 units of " + product + " for " + client + " back in stock; 100 available now");
        UiBrowser.screenshot(page, "stock-released");

        release.getByLabel("Allocation to release").fill(allocation.group(1));
        release.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("is already released by System Test "
                + production.username() + " at ");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("nothing changed");

        release.getByLabel("Allocation to release").fill("no-such-allocation");
        release.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("No allocation no-such-allocation");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ledger of " + product + " for " + client)).click();
        Locator ledger = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Ledger"));
        assertThat(ledger.getByRole(AriaRole.ROW)).hasCount(4); // header, receipt, allocation, release
        assertThat(ledger).containsText("+100");
        assertThat(ledger).containsText("-30");
        Locator released = ledger.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("RELEASE"));
        assertThat(released).containsText("+30");
        assertThat(released).containsText("System Test " + production.username()); // a name, not the user's id
        assertThat(released).containsText("allocation " + allocation.group(1));
        UiBrowser.screenshot(page, "stock-ledger");
    }

    private static Locator form(Page page, String name) {
        return page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName(name));
    }
}
