package com.misty.systemtest.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.signInAs;

/** Browser test 7: navigation and actions follow the role; a page the role may not open says so plainly. */
@Order(66)
class RoleVisibilityBrowserTest extends BrowserTest {

    private static final List<String> AREAS = List.of("Orders", "Clients", "Stock", "Leave", "Timesheets", "Users");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "employee,   Leave Timesheets,                     Orders, false",
            "production, Orders Clients Stock Leave Timesheets,        Users,  false",
            "manager,    Orders Clients Stock Leave Timesheets,        Users,  true",
            "admin,      Orders Clients Stock Leave Timesheets Users,  '',     true"})
    void navigationFollowsTheRole(String role, String visible, String hidden, boolean decidesLeave) {
        Session user = Accounts.newUser(suite, admin, role);
        Page page = browser.newPage();
        signInAs(page, user);
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        for (String area : AREAS) {
            Locator link = nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(area).setExact(true));
            if (List.of(visible.split(" ")).contains(area)) {
                assertThat(link).isVisible();
            } else {
                assertThat(link).hasCount(0);
            }
        }
        UiBrowser.screenshot(page, "home-" + role);

        page.navigate("/#/leave");
        Locator queue = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Requests to decide"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Leave").setLevel(1))).isVisible();
        if (decidesLeave) {
            assertThat(queue).isVisible();
        } else {
            assertThat(queue).hasCount(0);
        }

        if (!hidden.isEmpty()) {
            page.navigate("/#/" + hidden.toLowerCase());
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Not allowed");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("(" + role + ")");
            UiBrowser.screenshot(page, "not-allowed-" + role);
        }
    }
}
