package com.misty.systemtest.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.misty.systemtest.RunningSuite;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's {@code chromium}, headless, driven by Playwright against the gateway of the {@link RunningSuite}: one
 * browser per test class, a fresh context (own storage, like another person's browser) per {@link #newContext()}.
 * Playwright never downloads a browser here; without {@code chromium} on the PATH the tests fail with one line
 * that says how to install it.
 */
public final class UiBrowser implements AutoCloseable {

    static final String INSTALL_HINT = "chromium not found on PATH: the browser tests need Debian's chromium; "
            + "install it with: apt-get install -y chromium fonts-liberation";
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;
    private final List<BrowserContext> contexts = new ArrayList<>();

    public UiBrowser(RunningSuite suite) {
        // The build machine is shared and often busy: wait for the UI longer than Playwright's 5 s default.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Path chromium = chromiumOnPath().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        this.baseUrl = suite.client().baseUrl();
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--no-sandbox")));
    }

    static Optional<Path> chromiumOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A new browser context (its own storage: another person, or the same person on another device). */
    public BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(1280, 800));
        context.setDefaultTimeout(20_000);
        contexts.add(context);
        return context;
    }

    /** A tab in a new context, on the sign-in page. */
    public Page newPage() {
        Page page = newContext().newPage();
        page.navigate("/");
        return page;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Saves a screenshot of the page as {@code target/ui-screenshots/<name>.png}. */
    public static void screenshot(Page page, String name) {
        // An open modal dialog is pictured as the user sees it: a full-page capture draws its fixed backdrop over
        // only part of a long page.
        boolean modalOpen = page.locator("[aria-modal=true]").count() > 0;
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(!modalOpen));
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
        browser.close();
        playwright.close();
    }
}
