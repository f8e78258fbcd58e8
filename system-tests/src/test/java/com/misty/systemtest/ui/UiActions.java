package com.misty.systemtest.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.misty.systemtest.Session;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** What a person does in the UI, found the way they find it: by role and accessible name. */
final class UiActions {

    private UiActions() {
    }

    static void signIn(Page page, String username, String password) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }

    static void signInAs(Page page, Session user) {
        signIn(page, user.username(), user.password());
        assertThat(signOutButton(page)).isVisible();
    }

    static com.microsoft.playwright.Locator signOutButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true));
    }

    static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static com.microsoft.playwright.Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static com.microsoft.playwright.Locator alert(Page page) {
        return page.getByRole(AriaRole.ALERT);
    }
}
