package com.misty.systemtest.ui;

import com.microsoft.playwright.Page;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.alert;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signIn;
import static com.misty.systemtest.ui.UiActions.signInAs;
import static com.misty.systemtest.ui.UiActions.signOutButton;

/** Browser test 1: sign-in, a wrong password and an unknown user get the same message, the throttled message. */
@Order(60)
class SignInBrowserTest extends BrowserTest {

    @Test
    void signsInAndOut() {
        Session manager = Accounts.newUser(suite, admin, "manager");
        Page page = browser.newPage();
        UiBrowser.screenshot(page, "sign-in");
        signInAs(page, manager);
        assertThat(page.getByText("(manager)")).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Orders"))).isVisible();

        signOutButton(page).click();
        assertThat(page.getByText("You signed out.")).isVisible();
        assertThat(button(page, "Sign in")).isVisible();
        // Signed out means the shared refresh token is gone: a reload does not sign in again.
        page.reload();
        assertThat(button(page, "Sign in")).isVisible();
        assertThat(signOutButton(page)).hasCount(0);
    }

    /** The first load with an empty cache stays within the budget: JS + CSS at most 250 kB. */
    @Test
    void firstLoadOfTheSignInPageIsSmall() {
        Page page = browser.newPage(); // a new context: empty cache
        assertThat(button(page, "Sign in")).isVisible();
        double renderedAfterMs = ((Number) page.evaluate("() => performance.now()")).doubleValue();
        Number assetBytes = (Number) page.evaluate("() => performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/static/bundle/')).reduce((sum, e) => sum + e.encodedBodySize, 0)");
        Number assets = (Number) page.evaluate("() => performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/static/bundle/')).length");
        System.out.printf("ui: sign-in form usable %.0f ms after navigation start; %d bundle files, %d bytes on the wire%n",
                renderedAfterMs, assets.intValue(), assetBytes.longValue());
        org.assertj.core.api.Assertions.assertThat(assets.intValue()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(assetBytes.longValue()).isPositive().isLessThanOrEqualTo(250_000);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessage() {
        Session production = Accounts.newUser(suite, admin, "production");
        Page page = browser.newPage();

        signIn(page, production.username(), "not-" + production.password());
        assertThat(alert(page)).isVisible();
        String wrongPassword = alert(page).innerText();

        signIn(page, "nobody-" + UUID.randomUUID().toString().substring(0, 8), "whatever-password-1");
        assertThat(alert(page)).hasText(wrongPassword);
        assertThat(signOutButton(page)).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(wrongPassword).isNotBlank().doesNotContainIgnoringCase("unknown");
        UiBrowser.screenshot(page, "sign-in-refused");

        signIn(page, production.username(), production.password());
        assertThat(signOutButton(page)).isVisible();
    }

    @Test
    void throttledSignInSaysWhenToTryAgain() {
        // auth-service tolerates 5 failures per username, then locks it for 2 s, doubling per further failure.
        String username = "victim-" + UUID.randomUUID().toString().substring(0, 8);
        Page page = browser.newPage();
        Pattern throttled = Pattern.compile("Too many sign-in attempts\\. Try again in \\d+ (s|min) \\(at .+\\)\\.");
        for (int attempt = 1; attempt <= 12; attempt++) {
            signIn(page, username, "wrong-password-" + attempt);
            assertThat(alert(page)).isVisible();
            page.waitForFunction("() => !document.querySelector('form.signin button[type=submit]').disabled");
            if (throttled.matcher(alert(page).innerText()).matches()) {
                UiBrowser.screenshot(page, "sign-in-throttled");
                return;
            }
        }
        assertThat(alert(page)).hasText(throttled);
    }
}
