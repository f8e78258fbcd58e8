package com.misty.systemtest.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * Browser test 6: an employee enters a week (five 9-hour days) and submits it; a manager approves it and sees the
 * calculation; the employee sees the gross pay: 40 h × 30.00 + 5 h × 30.00 × 1.5 = 1425.00.
 */
@Order(65)
class TimesheetPayBrowserTest extends BrowserTest {

    private static final String WEEK = "2029-W10";
    private static final List<String> WORKDAYS = List.of("Mon 2029-03-05", "Tue 2029-03-06", "Wed 2029-03-07",
            "Thu 2029-03-08", "Fri 2029-03-09");

    @Test
    void submittedAndApprovedWeekShowsTheGrossPay() {
        Session employee = Accounts.newUser(suite, admin, "employee");
        UiFixtures.completeProfile(admin, employee, new BigDecimal("40"));
        org.assertj.core.api.Assertions.assertThat(LocalDate.parse("2029-03-05").getDayOfWeek().getValue()).isEqualTo(1);

        Page own = browser.newPage();
        signInAs(own, employee);
        own.navigate("/#/timesheets");
        own.getByLabel("Week", new Page.GetByLabelOptions().setExact(true)).fill(WEEK);
        button(own, "Open week").click();
        for (String day : WORKDAYS) {
            own.getByLabel("Hours on " + day).fill("9");
        }
        own.getByLabel("Notes on Fri 2029-03-09").fill("press 2 changeover");
        button(own, "Save draft").click();
        assertThat(own.getByText("Draft of week " + WEEK + " saved.")).isVisible();
        button(own, "Submit for approval").click();
        assertThat(own.getByText("Week " + WEEK + " submitted for approval.")).isVisible();
        UiBrowser.screenshot(own, "timesheet-submitted");

        Session manager = Accounts.newUser(suite, admin, "manager");
        Page boss = browser.newPage();
        signInAs(boss, manager);
        boss.navigate("/#/timesheets");
        Locator row = boss.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Timesheets to approve"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(WEEK));
        assertThat(row.first()).isVisible();
        row.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(boss.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Approved week")))
                .containsText("Regular 40");
        assertThat(boss.getByText("gross 1425.00")).isVisible();
        UiBrowser.screenshot(boss, "timesheet-approved");

        Locator pay = own.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My pay calculations"));
        assertThat(pay).containsText("1425.00");
        assertThat(own.getByText("approved", new Page.GetByTextOptions().setExact(true))).isVisible();
    }
}
