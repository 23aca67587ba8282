package org.taskrouter.assignment.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.taskrouter.assignment.console.AgentConsoleTest.signIn;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.taskrouter.assignment.support.HeadlessChromium;
import org.taskrouter.assignment.support.SignedForm;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The console in a real browser against the packaged jar or native executable: its modules load under the policy,
 * it signs in and shows a signed event TaskRouter posts, live. (The packaged artifact has no embedded TaskRouter,
 * so the panels that read TaskRouter are covered by {@link AgentConsoleTest}.)
 */
@QuarkusIntegrationTest
class LiveConsoleIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/")
    URL root;

    @Test
    void signsInAndShowsAnEventPostedToTheEventCallbackAsItArrives() {
        Page page = chromium.open(1280, 900);
        page.navigate(root.toString());
        signIn(page);
        assertThat(page.locator("#connection")).hasText("Live");

        Map<String, String> params = SignedForm.eventParams("EV%032d".formatted(4242), "task.created");
        params.put("EventDescription", "Task WT%032d created".formatted(4242));
        SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events", params).postTo("/events").statusCode(204);

        Locator event = page.locator("#events li").filter(new Locator.FilterOptions()
                .setHasText("Task WT%032d created".formatted(4242)));
        assertThat(event.locator("strong")).hasText("task.created");
    }
}
