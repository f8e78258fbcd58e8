package com.misty.systemtest.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.alert;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * An employee on a phone: requests leave while the connection drops (the offline banner shows, what was typed is
 * kept, sending again once back online works), then cancels the request; the page never scrolls sideways.
 */
@Order(74)
class EmployeePhoneBrowserTest extends BrowserTest {

    @Test
    void anEmployeeOnAPhoneRequestsLeaveThroughADroppedConnectionAndCancelsIt() {
        Session employee = Accounts.newUser(suite, admin, "employee");
        String profileId = UiFixtures.completeProfile(admin, employee, new BigDecimal("100"));
        String reason = UiFixtures.unique("dentist");

        Page page = browser.newPage();
        page.setViewportSize(390, 844); // a phone held upright
        signInAs(page, employee);
        page.navigate("/#/leave");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My leave balances"))).containsText("100 h");
        assertNoSidewaysScroll(page);

        Locator request = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Request leave"));
        request.getByLabel("Type").selectOption("ANNUAL");
        request.getByLabel("From").fill("2028-05-08");
        request.getByLabel("To").fill("2028-05-08");
        request.getByLabel("Hours").fill("7.5");
        request.getByLabel("Reason").fill(reason);

        // The connection drops as they send it: the offline banner shows and nothing typed is lost.
        page.context().setOffline(true);
        button(page, "Request leave").click();
        assertThat(alert(page).filter(new Locator.FilterOptions().setHasText("You are offline"))).isVisible();
        assertThat(alert(page).filter(new Locator.FilterOptions().setHasText("The server cannot be reached"))).isVisible();
        assertThat(request.getByLabel("Reason")).hasValue(reason);
        assertThat(request.getByLabel("Hours")).hasValue("7.5");
        assertThat(request.getByLabel("From")).hasValue("2028-05-08");
        UiBrowser.screenshot(page, "leave-offline-phone");
        org.assertj.core.api.Assertions.assertThat(employee.get("/api/payroll/leave-requests?employee_id=" + profileId)
                .expect(200).json().size()).isZero();

        // Back online, sending again works.
        page.context().setOffline(false);
        button(page, "Request leave").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Leave requested."))).isVisible();
        assertThat(alert(page)).hasCount(0); // neither the banner nor the failed attempt's message is left

        Locator mine = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My leave requests"));
        Locator row = mine.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(reason));
        assertThat(row).containsText("pending");
        assertNoSidewaysScroll(page);

        // Cancelling it: the request is cancelled and the balance was never touched.
        button(page, "Cancel leave from 2028-05-08").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Cancelled the")))
                .hasText("Cancelled the 7.5 h of annual leave from 2028-05-08.");
        assertThat(row).containsText("cancelled");
        JsonNode stored = employee.get("/api/payroll/leave-requests?employee_id=" + profileId).expect(200).json();
        org.assertj.core.api.Assertions.assertThat(stored.size()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(stored.get(0).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My leave balances"))).containsText("100 h");
    }

    /** At phone width the page fits: a table too wide scrolls inside itself, the page does not scroll sideways. */
    private static void assertNoSidewaysScroll(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("sideways overflow in px").isLessThanOrEqualTo(0);
    }
}
