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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * Browser test 5 (the original Test 2 in two browsers): two managers approve the same leave request at once; one
 * is told it is approved, the other that it was already decided and by whom; the balance is deducted once.
 */
@Order(64)
class LeaveApprovalBrowserTest extends BrowserTest {

    @Test
    void twoManagersApproveOneRequestAndItIsDeductedOnce() {
        Session employee = Accounts.newUser(suite, admin, "employee");
        String profileId = UiFixtures.completeProfile(admin, employee, new BigDecimal("100"));
        String reason = UiFixtures.unique("family visit");
        employee.post("/api/payroll/leave-requests", Map.of("leave_type", "ANNUAL", "start_date", "2028-03-06",
                "end_date", "2028-03-06", "hours", new BigDecimal("7.5"), "reason", reason)).expect(201);

        Session managerA = Accounts.newUser(suite, admin, "manager");
        Session managerB = Accounts.newUser(suite, admin, "manager");
        List<Page> managers = List.of(browser.newPage(), browser.newPage());
        signInAs(managers.get(0), managerA);
        signInAs(managers.get(1), managerB);
        for (Page page : managers) {
            page.navigate("/#/leave");
            assertThat(row(page, reason)).isVisible();
        }
        UiBrowser.screenshot(managers.get(0), "leave-queue");

        // Both press Approve before either request reaches payroll-service: each request is held in the browser
        // until both are sent, then both go at once. Without this, under load the first approval's live update
        // could reload the second manager's queue (removing the row) before that manager's click landed.
        List<Route> held = new ArrayList<>();
        for (Page page : managers) {
            page.route("**/api/payroll/leave-requests/*/approve", held::add);
        }
        for (Page page : managers) {
            row(page, reason).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        }
        managers.get(0).waitForCondition(() -> held.size() == 2);
        held.forEach(Route::resume);

        int approved = 0;
        int alreadyDecided = 0;
        for (Page page : managers) {
            Locator outcome = page.getByText("Approved the 7.5 h").or(page.getByText("Already decided")).first();
            assertThat(outcome).isVisible();
            if (page.getByText("Already decided").isVisible()) {
                alreadyDecided++;
                // The winner by name (auth-service's names), not by user id.
                assertThat(page.getByRole(AriaRole.ALERT)).containsText(java.util.regex.Pattern.compile(
                        "approved by System Test (" + managerA.username() + "|" + managerB.username() + ") at "));
                // The queue reloads (the request is gone from it); the refusal stays on screen.
                assertThat(row(page, reason)).hasCount(0);
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("Already decided");
                UiBrowser.screenshot(page, "leave-already-decided");
            } else {
                approved++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(approved).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(alreadyDecided).isEqualTo(1);

        JsonNode profile = admin.get("/api/payroll/employees/" + profileId).expect(200).json();
        org.assertj.core.api.Assertions.assertThat(profile.path("leave_balances").path("annual").decimalValue())
                .isEqualByComparingTo("92.5");
        Page own = browser.newPage();
        signInAs(own, employee);
        own.navigate("/#/leave");
        assertThat(own.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My leave balances")))
                .containsText("92.5 h");
        assertThat(row(own, reason)).containsText("approved by System Test ");
    }

    private static Locator row(Page page, String text) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(text));
    }
}
