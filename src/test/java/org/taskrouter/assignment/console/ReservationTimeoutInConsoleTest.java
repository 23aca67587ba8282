package org.taskrouter.assignment.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.taskrouter.assignment.console.AgentConsoleTest.createTask;
import static org.taskrouter.assignment.console.AgentConsoleTest.reservationOf;
import static org.taskrouter.assignment.console.AgentConsoleTest.signIn;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.taskrouter.assignment.simulator.TaskRouterSimulator;
import org.taskrouter.assignment.support.HeadlessChromium;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A Reservation that times out while the agent looks at it: the countdown runs out and the page says why. */
@QuarkusTest
@TestProfile(ConsoleProfile.ShortReservationTimeout.class)
class ReservationTimeoutInConsoleTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/console/")
    URL console;

    @Inject
    TaskRouterSimulator simulator;

    @Test
    void theCountdownRunsOutAndThePageSaysTheReservationTimedOut() {
        simulator.reset();
        Page page = chromium.open(1280, 900);
        page.navigate(console.toString());
        signIn(page);
        String task = createTask("{\"selected_language\":\"es\"}");

        Locator offer = reservationOf(page, task).first();
        // the profile's Workflow gives a Reservation 5 s
        assertThat(offer.locator(".countdown")).hasText(Pattern.compile("^0:0[1-5] left$"));
        assertThat(offer.locator(".accept")).isEnabled();

        assertThat(offer.locator(".outcome")).hasText("Timed out: nobody answered in time, so TaskRouter moved on.",
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(offer.locator(".accept")).isDisabled();
        HeadlessChromium.screenshot(page, "console-timed-out");
        assertEquals(List.of(), chromium.takeProblems());
    }
}
