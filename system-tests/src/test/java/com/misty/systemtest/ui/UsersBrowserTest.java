package com.misty.systemtest.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.misty.systemtest.ui.UiActions.button;
import static com.misty.systemtest.ui.UiActions.signInAs;

/** The admin's users page: create, change the role, reset the password (shown once), deactivate; page through. */
@Order(68)
class UsersBrowserTest extends BrowserTest {

    @Test
    void adminManagesAUser() {
        // Sorted first by username, so the new user is on the list's first page however many exist.
        String username = UiFixtures.unique("aaa-ui");
        Page page = browser.newPage();
        signInAs(page, admin);
        page.navigate("/#/users");

        page.getByLabel("New username").fill(username);
        page.getByLabel("Full name").fill("Una Interface");
        page.getByLabel("Role of the new user").selectOption("employee");
        page.getByLabel("Initial password").fill("Kx9-vortex-Lamp-42");
        button(page, "Create user").click();
        Locator status = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(username));
        assertThat(status.first()).containsText("Created " + username + " (employee)");

        page.getByLabel("Role of " + username).selectOption("production");
        assertThat(status.first()).containsText(username + " is now production");

        button(page, "Reset password of " + username).click();
        assertThat(page.getByText("Temporary password for " + username)).isVisible();
        Locator temporary = page.getByRole(AriaRole.STATUS)
                .filter(new Locator.FilterOptions().setHasText("Temporary password for " + username)).locator("code");
        org.assertj.core.api.Assertions.assertThat(temporary.innerText()).hasSizeGreaterThanOrEqualTo(12);
        UiBrowser.screenshot(page, "users-reset-password");

        button(page, "Deactivate " + username).click();
        assertThat(page.getByText(username + " is deactivated")).isVisible();

        JsonNode users = admin.get("/api/auth/users?offset=0&limit=500").expect(200).json();
        JsonNode user = StreamSupport.stream(users.spliterator(), false)
                .filter(u -> username.equals(u.path("username").asText())).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(user.path("role").asText()).isEqualTo("production");
        org.assertj.core.api.Assertions.assertThat(user.path("active").asBoolean()).isFalse();
    }

    @Test
    void adminSeesWhoCameFromTheOriginalSystemWithoutAUsablePasswordAndResetsIt() {
        // Imported with a hash the suite cannot verify: the user cannot sign in until the admin resets it.
        String username = UiFixtures.unique("aab-imported");
        String id = "orig-" + username;
        admin.post("/api/auth/import", Map.of("users", List.of(Map.of("id", id, "username", username, "role", "employee",
                "password_hash", "pbkdf2_sha256$260000$salt$hash")))).expect(200);
        Page page = browser.newPage();
        signInAs(page, admin);
        page.navigate("/#/users");
        Locator users = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Users").setExact(true));
        // The row that holds this user's role control (an inner locator is matched inside each row: start it at the page).
        Locator row = users.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                page.getByLabel("Role of " + username, new Page.GetByLabelOptions().setExact(true))));
        assertThat(row.getByText("needs a password reset")).isVisible();

        button(page, "Reset password of " + username).click();
        Locator temporary = page.getByRole(AriaRole.STATUS)
                .filter(new Locator.FilterOptions().setHasText("Temporary password for " + username)).locator("code");
        String password = temporary.innerText();
        assertThat(row.getByText("needs a password reset")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(admin.get("/api/auth/users/" + id).expect(200)
                .field("password_reset_required").asBoolean()).isFalse();
        org.assertj.core.api.Assertions.assertThat(suite.client().login(username, password).userId()).isEqualTo(id);
    }

    @Test
    void adminPagesThroughMoreUsersThanFitOnePage() {
        // 50 a page: make sure there are more than 50, then the second page starts with the 51st by username.
        JsonNode all = admin.get("/api/auth/users?offset=0&limit=500").expect(200).json();
        for (int i = all.size(); i < 52; i++) {
            admin.post("/api/auth/users", Map.of("username", UiFixtures.unique("zz-page"), "password", "Kx9-vortex-Lamp-42",
                    "role", "employee")).expect(201);
        }
        List<String> usernames = StreamSupport.stream(
                        admin.get("/api/auth/users?offset=0&limit=500").expect(200).json().spliterator(), false)
                .map(u -> u.path("username").asText()).toList();
        Page page = browser.newPage();
        signInAs(page, admin);
        page.navigate("/#/users");
        Locator users = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Users").setExact(true));
        assertThat(rowOf(users, usernames.get(0))).isVisible();
        assertThat(button(page, "Previous page")).isDisabled();

        button(page, "Next page").click();
        assertThat(page.getByText("Users 51–")).isVisible();
        assertThat(rowOf(users, usernames.get(50))).isVisible();
        assertThat(rowOf(users, usernames.get(0))).hasCount(0);

        button(page, "Previous page").click();
        assertThat(page.getByText("Users 1–50")).isVisible();
        assertThat(rowOf(users, usernames.get(49))).isVisible();
    }

    /** A user's row, found by the control only that row has (a username can also be a role's name, e.g. admin). */
    private static Locator rowOf(Locator users, String username) {
        return users.getByLabel("Role of " + username, new Locator.GetByLabelOptions().setExact(true));
    }
}
