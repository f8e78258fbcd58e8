package com.misty.systemtest.ui;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;
import static com.misty.systemtest.ui.UiActions.signOutButton;

/**
 * Browser test 4 (the original Test 4 in a browser): with 20 s access tokens ({@link RunningSuite#ACCESS_TOKEN_LIFETIME})
 * a user keeps working in two tabs across three expiries and is never signed out (the tabs refresh one at a time
 * with the newest rotating refresh token, so reuse detection never fires); "sign out everywhere" from another
 * context then sends both tabs to sign-in with the reason, and what was typed in a tab is still there when its user
 * signs in again.
 */
@Order(63)
class TokenRefreshBrowserTest extends BrowserTest {

    @Test
    void twoTabsKeepWorkingAcrossExpiriesUntilSignedOutEverywhere() {
        Session user = Accounts.newUser(suite, admin, "production");
        BrowserContext laptop = browser.newContext();
        Page first = laptop.newPage();
        first.navigate("/");
        signInAs(first, user);
        // A second tab of the same browser signs in from the shared refresh token.
        Page second = laptop.newPage();
        second.navigate("/");
        assertThat(signOutButton(second)).isVisible();
        List<Page> tabs = List.of(first, second);

        Instant end = Instant.now().plus(RunningSuite.ACCESS_TOKEN_LIFETIME.multipliedBy(3)).plusSeconds(5);
        int searches = 0;
        while (Instant.now().isBefore(end)) {
            for (Page tab : tabs) {
                button(tab, "Search").click();
                assertThat(tab.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Orders")))
                        .hasAttribute("aria-busy", "false");
                assertThat(tab.getByRole(AriaRole.ALERT)).hasCount(0);
                assertThat(signOutButton(tab)).isVisible();
                searches++;
            }
            UiFixtures.sleep(2000);
        }
        org.assertj.core.api.Assertions.assertThat(searches).isGreaterThan(10);
        // Every answer was a real answer: the tabs refreshed, and the live feed reconnected after each expiry.
        for (Page tab : tabs) {
            assertThat(tab.getByRole(AriaRole.STATUS, new Page.GetByRoleOptions().setName("Live updates on"))).isVisible();
        }

        // Something typed but not sent yet, in one tab.
        first.getByLabel("Contact or notes", new Page.GetByLabelOptions().setExact(true)).fill("typed before the session ended");

        Page phone = browser.newPage();
        signInAs(phone, user);
        button(phone, "Sign out everywhere").click();
        assertThat(phone.getByText("You signed out on every device.")).isVisible();

        for (Page tab : tabs) {
            assertThat(button(tab, "Sign in")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(Duration.ofSeconds(40).toMillis()));
            assertThat(tab.getByText("signed out", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        }
        UiBrowser.screenshot(first, "signed-out-everywhere");

        // The page stayed under the sign-in dialog: what was typed is still there, and signing in again carries on.
        Locator typed = first.getByLabel("Contact or notes", new Page.GetByLabelOptions().setExact(true));
        assertThat(typed).hasValue("typed before the session ended");
        UiActions.signIn(first, user.username(), user.password());
        assertThat(signOutButton(first)).isVisible();
        assertThat(typed).hasValue("typed before the session ended");
        assertThat(first.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Orders").setExact(true))).isVisible();
    }
}
