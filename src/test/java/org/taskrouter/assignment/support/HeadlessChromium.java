package org.taskrouter.assignment.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Debian's chromium, driven headless by Playwright, which is told not to download a browser of its own. Each page
 * records what the browser reported as an error (a script failure, a Content-Security-Policy refusal), so that a
 * test can demand none. Register it as {@code @RegisterExtension static final HeadlessChromium chromium = new
 * HeadlessChromium();}: the browser starts before the class's first test and ends after its last.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

    /** Where {@code apt-get install chromium} puts it; {@code CHROMIUM} names another. */
    private static final Path EXECUTABLE = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final List<String> problems = new ArrayList<>();
    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install -y chromium");
        }
        // the page waits for TaskRouter and for a server-side cache of a few seconds; 2 busy cores are slow
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--disable-quic")));
    }

    /** A page in a fresh context (its own sessionStorage), at the given viewport width. */
    public Page open(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add(message.text());
            }
        });
        page.onPageError(error -> problems.add(error));
        return page;
    }

    /** Everything the browser reported as an error since the last call, and forgets it. */
    public List<String> takeProblems() {
        List<String> taken = List.copyOf(problems);
        problems.clear();
        return taken;
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            browser.close();
            playwright.close();
        }
    }
}
