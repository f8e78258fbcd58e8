package com.misty.systemtest.ui;

import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test class starts from: the shared suite, a Chromium of its own (closed after the class) and a
 * signed-in administrator who creates the users a test acts as. Classes run one after another (system-tests runs no
 * test classes in parallel), so the fields belong to the class that is running.
 */
abstract class BrowserTest {

    protected static RunningSuite suite;
    protected static UiBrowser browser;
    protected static Session admin;

    @BeforeAll
    static void startBrowser() {
        suite = RunningSuite.get();
        browser = new UiBrowser(suite);
        admin = suite.admin();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
