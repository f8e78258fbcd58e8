package com.misty.systemtest.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;

/**
 * A manager turns a request down with a reason, by keyboard as well as by mouse: the dialog keeps the focus inside
 * while open (Tab cycles through it), Escape closes it and the focus goes back to the button that opened it. The
 * employee then sees the reason.
 */
@Order(72)
class DecisionDialogsBrowserTest extends BrowserTest {

    @Test
    void managerSendsATimesheetBackWithAReasonAndTheEmployeeSeesIt() {
        Session employee = Accounts.newUser(suite, admin, "employee");
        UiFixtures.completeProfile(admin, employee, new BigDecimal("40"));
        String week = "2029-W20";
        List<Map<String, Object>> entries = IntStream.range(0, 5)
                .mapToObj(d -> Map.<String, Object>of("date", "2029-05-1" + (4 + d), "hours", new BigDecimal("8")))
                .toList();
        String id = employee.post("/api/payroll/timesheets", Map.of("week", week, "entries", entries))
                .expect(201).field("id").asText();
        employee.post("/api/payroll/timesheets/" + id + "/submit", null).expect(200);

        Page boss = browser.newPage();
        signInAs(boss, Accounts.newUser(suite, admin, "manager"));
        boss.navigate("/#/timesheets");
        Locator sendBack = boss.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Send back week " + week + " of System Test " + employee.username()));
        sendBack.click();

        Locator dialog = boss.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Send week " + week + " back");
        Locator reason = dialog.getByLabel("Reason");
        assertThat(reason).isFocused();
        // Reason → "Send the week back" → "Keep it submitted" → back to Reason, never to the page behind.
        boss.keyboard().press("Tab");
        boss.keyboard().press("Tab");
        assertThat(button(boss, "Keep it submitted")).isFocused();
        boss.keyboard().press("Tab");
        assertThat(reason).isFocused();
        boss.keyboard().press("Shift+Tab");
        assertThat(button(boss, "Keep it submitted")).isFocused();

        boss.keyboard().press("Escape");
        assertThat(dialog).hasCount(0);
        assertThat(sendBack).isFocused();

        boss.keyboard().press("Enter");
        reason.fill("Thursday's overtime belongs to week 21");
        button(boss, "Send the week back").click();
        assertThat(boss.getByText("Sent week " + week + " back to the employee.")).isVisible();
        assertThat(sendBack).hasCount(0);
        UiBrowser.screenshot(boss, "timesheet-sent-back");

        Page own = browser.newPage();
        signInAs(own, employee);
        own.navigate("/#/timesheets");
        own.getByLabel("Week", new Page.GetByLabelOptions().setExact(true)).fill(week);
        button(own, "Open week").click();
        assertThat(own.getByText("(sent back: Thursday's overtime belongs to week 21)")).isVisible();
        assertThat(own.getByLabel("Hours on Thu 2029-05-17")).isEditable();
    }

    @Test
    void managerRejectsLeaveWithAReasonAndTheEmployeeSeesIt() {
        Session employee = Accounts.newUser(suite, admin, "employee");
        UiFixtures.completeProfile(admin, employee, new BigDecimal("100"));
        String asked = UiFixtures.unique("trade fair");
        employee.post("/api/payroll/leave-requests", Map.of("leave_type", "ANNUAL", "start_date", "2028-09-11",
                "end_date", "2028-09-11", "hours", new BigDecimal("8"), "reason", asked)).expect(201);

        Page boss = browser.newPage();
        signInAs(boss, Accounts.newUser(suite, admin, "manager"));
        boss.navigate("/#/leave");
        Locator row = boss.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Leave requests to decide"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(asked));
        Locator reject = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject"));
        reject.click();
        Locator dialog = boss.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByLabel("Reason")).isFocused();
        boss.keyboard().press("Escape");
        assertThat(dialog).hasCount(0);
        assertThat(reject).isFocused();

        reject.click();
        dialog.getByLabel("Reason").fill("Two presses are down that week");
        button(boss, "Reject the request").click();
        assertThat(row).hasCount(0);

        Page own = browser.newPage();
        signInAs(own, employee);
        own.navigate("/#/leave");
        Locator mine = own.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My leave requests"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(asked));
        assertThat(mine).containsText("rejected");
        assertThat(mine).containsText("Two presses are down that week");
        assertThat(own.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("My leave balances")))
                .containsText("100");
    }
}
