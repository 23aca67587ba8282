package org.taskrouter.assignment.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.lifecycle.QuickstartLifecycleTest.operator;

import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.taskrouter.assignment.lifecycle.EmbeddedTaskRouterProfile;
import org.taskrouter.assignment.simulator.TaskRouterSimulator;
import org.taskrouter.assignment.support.HeadlessChromium;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The agent console in a real browser against the embedded TaskRouter: what an agent sees and does, live, without
 * reloading the page.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class AgentConsoleTest {

    static final String TOKEN = "test-operator-token";
    private static final Pattern CREATED = Pattern.compile("Created Task (WT[0-9a-f]{32})");

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TaskRouterSimulator simulator;

    @BeforeEach
    void freshWorkspace() {
        simulator.reset();
        chromium.takeProblems();
    }

    @AfterEach
    void noScriptErrorsNorPolicyRefusals() {
        assertEquals(List.of(), chromium.takeProblems());
    }

    @Test
    void refusesAWrongTokenInWordsThenSignsInAndSignOutForgetsTheToken() {
        Page page = chromium.open(1280, 900);
        page.navigate(root.toString());
        assertTrue(page.url().endsWith("/console/"), "/ leads to the console: " + page.url());

        page.getByLabel("Operator token").fill("not-the-token");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#sign-in-error")).containsText("That token was refused");
        assertThat(page.locator("#desk")).isHidden();
        // the browser reports the refused request itself; that one is expected
        assertTrue(chromium.takeProblems().stream().allMatch(problem -> problem.contains("401")));

        signIn(page);
        assertThat(page.locator("#connection")).hasText("Live");
        assertThat(page.locator("#workers .worker")).hasCount(2);
        assertEquals(TOKEN, page.evaluate("sessionStorage.getItem('taskrouter-console.operator-token')"));
        assertTrue(page.url().endsWith("/console/"), "the token never goes into the URL: " + page.url());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator("#sign-in")).isVisible();
        assertNull(page.evaluate("sessionStorage.getItem('taskrouter-console.operator-token')"));
        page.reload();
        assertThat(page.locator("#sign-in")).isVisible();
    }

    @Test
    void aTaskCreatedInTheFormIsOfferedLiveWithItsAttributesAndACountdownAndAcceptAssignsIt() {
        Page page = signedIn(1280, 900);
        assertEquals("{\"selected_language\":\"es\"}", page.locator("#create-attributes").inputValue());
        page.locator("#create-priority").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create Task")).click();
        String task = createdTaskSid(page);

        Locator card = reservationOf(page, task);
        assertThat(card).isVisible();
        assertThat(card.locator(".worker")).hasText("Alice");
        assertThat(card.locator(".queue")).hasText("Customer Care Requests - Spanish");
        assertThat(card.locator(".task-sid")).hasText(task);
        assertThat(card.locator(".reservation-sid")).hasText(Pattern.compile("WR[0-9a-f]{32}"));
        assertThat(card.locator(".priority")).hasText("5");
        assertThat(card.locator(".attributes dt")).hasText("selected_language");
        assertThat(card.locator(".attributes dd")).hasText("es");
        assertThat(card.locator(".countdown")).hasText(Pattern.compile("^1:[45][0-9] left$"));
        String before = card.locator(".countdown").textContent();
        assertThat(card.locator(".countdown")).not().hasText(before);
        HeadlessChromium.screenshot(page, "console-desktop-pending");

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept Reservation")).click();
        assertThat(card.locator(".outcome")).hasText("Accepted here: the Task is now assigned.");
        Locator taskCard = taskOf(page, task);
        assertThat(taskCard.locator(".status")).hasText("assigned");
        assertThat(taskCard.locator(".worker")).hasText("Alice");
        assertThat(workerRow(page, "Alice").locator(".activity")).hasText("Busy");
    }

    @Test
    void theCreateFormRefusesWhatIsNotAJsonObjectOrAWholeNumberBeforeSendingAnything() {
        Page page = signedIn(1280, 900);
        List<String> creations = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if ("POST".equals(request.method()) && request.url().endsWith("/api/tasks")) {
                creations.add(request.url());
            }
        });
        Locator attributes = page.getByLabel("Attributes (a JSON object)");
        Locator create = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create Task"));

        attributes.fill("{\"selected_language\":");
        assertThat(page.locator("#create-error")).containsText("The attributes are not valid JSON");
        assertThat(attributes).hasAttribute("aria-invalid", "true");
        create.click();
        assertThat(page.locator("#create-error")).containsText("The attributes are not valid JSON");

        attributes.fill("[\"es\"]");
        assertThat(page.locator("#create-error")).hasText(
                "The attributes must be a JSON object, e.g. {\"selected_language\":\"es\"}.");

        attributes.fill("{\"selected_language\":\"es\"}");
        assertThat(page.locator("#create-error")).hasText("");
        page.getByLabel("Priority").fill("1.5");
        create.click();
        assertThat(page.locator("#create-error")).hasText("Priority must be a whole number from 0 to 2147483647.");
        assertEquals(List.of(), creations, "nothing was sent");
    }

    @Test
    void wrapUpThenCompleteFreesTheWorkerWhoseNextReservationAppears() {
        Page page = signedIn(1280, 900);
        String first = createTask("{\"selected_language\":\"es\"}");
        Locator firstOffer = reservationOf(page, first);
        firstOffer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept Reservation")).click();
        assertThat(taskOf(page, first).locator(".status")).hasText("assigned");
        // Alice is busy: the second Spanish Task waits in its queue
        String second = createTask("{\"selected_language\":\"es\",\"customer\":{\"name\":\"Ana\",\"tier\":\"gold\"}}");
        assertThat(taskOf(page, second).locator(".status")).hasText("pending");
        assertThat(reservationOf(page, second)).hasCount(0);
        assertThat(queueRow(page, "Spanish").locator(".waiting")).hasText("1 waiting");

        Locator assigned = taskOf(page, first);
        assigned.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Wrap up")).click();
        assertThat(assigned.locator(".status")).hasText("wrapping");
        assigned.getByLabel("Reason for Task").fill("resolved on the phone");
        assertEquals(EmbeddedTaskRouterProfile.IDLE, assigned.locator(".complete-activity").inputValue(),
                "Complete moves the Worker to an available Activity unless told otherwise");
        assigned.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete")).click();
        assertThat(taskOf(page, first)).hasCount(0);

        Locator next = reservationOf(page, second);
        assertThat(next.locator(".worker")).hasText("Alice");
        assertThat(next.locator(".attributes .attribute-fields .attribute-fields dt")).hasText(
                new String[] { "name", "tier" });
        assertThat(next.locator(".attributes .attribute-fields .attribute-fields dd")).hasText(
                new String[] { "Ana", "gold" });
        assertEquals("completed", operator().get("/api/tasks/" + first).then().extract().path("assignmentStatus"));
        assertEquals("resolved on the phone", operator().get("/api/tasks/" + first).then().extract().path("reason"));
    }

    @Test
    void rejectWithAnActivityMovesTheWorkerAndOffersTheTaskToTheOtherWorker() {
        Page page = signedIn(1280, 900);
        String task = createTask("{\"selected_language\":\"en\"}");
        Locator offer = reservationOf(page, task);
        assertThat(offer).hasCount(1);
        String first = offer.locator(".worker").textContent();
        String other = first.equals("Alice") ? "Bob" : "Alice";

        offer.locator(".reject-activity").selectOption(new SelectOption()
                .setLabel("Offline"));
        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject Reservation")).click();

        assertThat(offer.first().locator(".outcome")).hasText(
                "Rejected here: TaskRouter offers the Task to another Worker.");
        Locator pendingAgain = page.locator("#reservations .reservation:not(.ended)")
                .filter(new Locator.FilterOptions().setHasText(task));
        assertThat(pendingAgain.locator(".worker")).hasText(other);
        assertThat(workerRow(page, first).locator(".activity")).hasText("Offline");
        assertThat(workerRow(page, first).locator(".availability")).hasText("not available");
    }

    @Test
    void aTaskCanceledThroughTheApiSaysWhyItsReservationWentAway() {
        Page page = signedIn(1280, 900);
        String task = createTask("{\"selected_language\":\"es\"}");
        Locator offer = reservationOf(page, task);
        assertThat(offer).isVisible();

        operator().contentType("application/json").body("{\"reason\":\"caller hung up\"}")
                .when().post("/api/tasks/" + task + "/cancel").then().statusCode(200);

        assertThat(offer.locator(".outcome")).hasText("Canceled: the Task was canceled (\"caller hung up\").");
        assertThat(offer.locator(".accept")).isDisabled();
        assertThat(taskOf(page, task)).hasCount(0);
        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dismiss")).click();
        assertThat(offer).hasCount(0);
        assertThat(page.locator("#reservations-empty")).isVisible();
    }

    @Test
    void aWaitingTaskCanBeCanceledWithAReasonFromTheTasksPanel() {
        Page page = signedIn(1280, 900);
        operator().contentType("application/json").body("{\"activitySid\":\"" + EmbeddedTaskRouterProfile.OFFLINE + "\"}")
                .when().put("/api/workers/" + EmbeddedTaskRouterProfile.ALICE + "/activity").then().statusCode(200);
        String task = createTask("{\"selected_language\":\"es\"}");
        Locator waiting = taskOf(page, task);
        assertThat(waiting.locator(".status")).hasText("pending");
        assertThat(waiting.locator(".worker")).hasText("not yet assigned");

        waiting.getByLabel("Reason for Task").fill("duplicate request");
        waiting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel Task")).click();

        assertThat(taskOf(page, task)).hasCount(0);
        assertEquals("duplicate request", operator().get("/api/tasks/" + task).then().extract().path("reason"));
    }

    @Test
    void theWorkersPanelChangesAnActivityAndTheQueuesPanelFollows() {
        Page page = signedIn(1280, 900);
        Locator spanish = queueRow(page, "Spanish");
        assertThat(spanish.locator(".name")).hasText("Customer Care Requests - Spanish");
        Locator alice = workerRow(page, "Alice");
        assertThat(alice.locator(".activity")).hasText("Idle");

        moveInPanel(alice, "Alice", "Offline");
        assertThat(alice.locator(".outcome")).hasText("Now Offline.");
        assertThat(alice.locator(".activity")).hasText("Offline");
        assertThat(alice.locator(".availability")).hasText("not available");
        assertThat(spanish.locator(".available")).hasText("0 of 1 Workers available");
        assertEquals("Offline", operator().get("/api/workers").then().extract()
                .path("find { it.friendlyName == 'Alice' }.activityName"));

        moveInPanel(alice, "Alice", "Idle (available)");
        assertThat(alice.locator(".activity")).hasText("Idle");
        assertThat(spanish.locator(".available")).hasText("1 of 1 Workers available");
    }

    private static void moveInPanel(Locator row, String worker, String activityLabel) {
        row.getByLabel("Activity for " + worker).selectOption(new SelectOption()
                .setLabel(activityLabel));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set the Activity of " + worker)).click();
    }

    @Test
    void twoOpenPagesSeeTheSameEventAndTheSecondLearnsTheFirstAccepted() {
        Page first = signedIn(1280, 900);
        Page second = signedIn(1280, 900);
        String task = createTask("{\"selected_language\":\"es\"}");
        assertThat(reservationOf(first, task)).isVisible();
        assertThat(reservationOf(second, task)).isVisible();

        reservationOf(first, task).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Accept Reservation")).click();

        assertThat(reservationOf(second, task).locator(".outcome")).hasText(
                "Accepted elsewhere (another console, or the assignment callback): someone else has it.");
        assertThat(reservationOf(second, task).locator(".accept")).isDisabled();
        assertThat(second.locator("#events li").filter(new Locator.FilterOptions()
                .setHasText("reservation.accepted"))).hasCount(1);
    }

    @Test
    void acceptingWhatSomeoneElseAcceptedFirstIsExplainedNotShownAsAnError() {
        Page page = chromium.open(1280, 900);
        // lets the test hold the stream back, as a slow network would, so the page tries before it learns
        page.addInitScript(HOLDABLE_STREAM);
        page.navigate(root.toString() + "console/");
        signIn(page);
        String task = createTask("{\"selected_language\":\"es\"}");
        Locator offer = reservationOf(page, task);
        String reservation = offer.locator(".reservation-sid").textContent();
        page.evaluate("window.holdStream = true");
        // someone else accepts between the agent's click and the page's request reaching the service
        page.route("**/reservations/" + reservation + "/accept", route -> {
            operator().when().post("/api/tasks/" + task + "/reservations/" + reservation + "/accept")
                    .then().statusCode(200);
            route.resume();
        });

        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept Reservation")).click();

        assertThat(offer.locator(".outcome")).hasText(Pattern.compile(
                "^Too late to accept: the Reservation is no longer pending \\(TaskRouter says: .*accepted.*\\)$"));
        assertThat(offer.locator(".accept")).isDisabled();
        // the browser reports TaskRouter's refusal (409) itself; that one is expected
        assertTrue(chromium.takeProblems().stream().allMatch(problem -> problem.contains("409")));
        page.evaluate("window.holdStream = false");
        assertThat(offer.locator(".outcome")).hasText("Too late to accept: "
                + "Accepted elsewhere (another console, or the assignment callback): someone else has it.");
    }

    @Test
    void afterALostConnectionThePageReconnectsWithLastEventIdAndCatchesUp() {
        Page page = chromium.open(1280, 900);
        page.addInitScript(HOLDABLE_STREAM);
        List<String> lastEventIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().endsWith("/api/events/stream")) {
                lastEventIds.add(String.valueOf(request.headers().get("last-event-id")));
            }
        });
        page.navigate(root.toString() + "console/");
        signIn(page);
        assertThat(page.locator("#connection")).hasText("Live");
        String before = createTask("{\"selected_language\":\"es\"}");
        assertThat(reservationOf(page, before).locator(".worker")).hasText("Alice");

        page.evaluate("window.holdStream = true");
        // Alice holds a Reservation: Bob, the other English speaker, gets this one
        String missed = createTask("{\"selected_language\":\"en\"}");
        page.evaluate("window.cutStream = true");

        assertThat(page.locator("#connection")).containsText("reconnecting");
        assertThat(page.locator("#connection")).hasText("Live");
        assertThat(reservationOf(page, missed).locator(".worker")).hasText("Bob");
        assertThat(page.locator("#events li").filter(new Locator.FilterOptions().setHasText("reservation.created"))
                .filter(new Locator.FilterOptions().setHasText(missed))).hasCount(1);
        assertEquals(2, lastEventIds.size(), "one reconnect: " + lastEventIds);
        assertEquals("null", lastEventIds.get(0));
        assertTrue(lastEventIds.get(1).matches("[0-9]+"), "the reconnect says what it saw last: " + lastEventIds);
    }

    /**
     * Wraps fetch for the event stream so that {@code window.holdStream = true} holds its chunks back and
     * {@code window.cutStream = true} breaks the connection, dropping what was held, as a lost network would.
     */
    private static final String HOLDABLE_STREAM = """
            const originalFetch = window.fetch;
            window.holdStream = false;
            window.fetch = async (input, init) => {
              const response = await originalFetch(input, init);
              if (!String(input).includes('/api/events/stream') || !response.body) {
                return response;
              }
              const reader = response.body.getReader();
              const held = new ReadableStream({
                async pull(controller) {
                  const { value, done } = await reader.read();
                  while (window.holdStream && !window.cutStream) {
                    await new Promise((resolve) => setTimeout(resolve, 50));
                  }
                  if (window.cutStream) {
                    window.cutStream = false;
                    window.holdStream = false;
                    reader.cancel();
                    controller.error(new Error('connection cut by the test'));
                  } else if (done) {
                    controller.close();
                  } else {
                    controller.enqueue(value);
                  }
                },
              });
              return new Response(held, { status: response.status, headers: response.headers });
            };
            """;

    @Test
    void readableAtPhoneWidthWithoutSidewaysScrolling() {
        Page page = signedIn(390, 844);
        createTask("{\"selected_language\":\"es\",\"customer\":{\"name\":\"Ana\",\"tier\":\"gold\"}}");
        assertThat(page.locator("#reservations .reservation")).hasCount(1);
        assertThat(page.locator("#tasks .task")).hasCount(1);
        Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
        assertTrue(((Number) scrollWidth).intValue() <= 390, "page width at 390 px: " + scrollWidth);
        HeadlessChromium.screenshot(page, "console-phone");

        Page desktop = signedIn(1280, 900);
        assertThat(desktop.locator("#reservations .reservation")).hasCount(1);
        HeadlessChromium.screenshot(desktop, "console-desktop");
    }

    @Test
    void liveUpdatesDoNotMoveWhatTheAgentIsLookingAt() {
        Page page = signedIn(390, 844);
        String task = createTask("{\"selected_language\":\"es\"}");
        Locator offer = reservationOf(page, task);
        Locator accept = offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept Reservation"));
        assertThat(accept).isVisible();
        double before = accept.boundingBox().y;
        String countdown = offer.locator(".countdown").textContent();

        // the countdown ticks, and a Task for the other queue arrives below
        assertThat(offer.locator(".countdown")).not().hasText(countdown);
        String other = createTask("{\"selected_language\":\"en\"}");
        assertThat(reservationOf(page, other)).isVisible();

        assertEquals(before, accept.boundingBox().y, 0.5, "the Accept button stayed where it was");
    }

    @Test
    void everyControlIsReachableByKeyboardAndLabelled() {
        Page page = signedIn(1280, 900);
        createTask("{\"selected_language\":\"es\"}");
        assertThat(page.locator("#reservations .reservation")).hasCount(1);
        Object unlabelled = page.evaluate("""
                () => [...document.querySelectorAll('#desk button, #desk input, #desk select, #desk textarea')]
                    .filter(control => !control.closest('[hidden]'))
                    .filter(control => {
                      const name = control.getAttribute('aria-label') || control.labels?.[0]?.textContent
                          || (control.tagName === 'BUTTON' ? control.textContent : '');
                      return !name || !name.trim();
                    })
                    .map(control => control.outerHTML)""");
        assertEquals(List.of(), unlabelled);

        // Tab from the top reaches the Accept button
        page.locator("#sign-out").focus();
        boolean reached = false;
        for (int i = 0; i < 15 && !reached; i++) {
            page.keyboard().press("Tab");
            reached = Boolean.TRUE.equals(page.evaluate("document.activeElement.classList.contains('accept')"));
        }
        assertTrue(reached, "Accept is reachable with Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#reservations .reservation .outcome")).hasText(
                "Accepted here: the Task is now assigned.");
    }

    private static String createdTaskSid(Page page) {
        assertThat(page.locator("#create-outcome")).containsText("Created Task");
        Matcher created = CREATED.matcher(page.locator("#create-outcome").textContent());
        assertTrue(created.find());
        return created.group(1);
    }

    Page signedIn(int width, int height) {
        Page page = chromium.open(width, height);
        page.navigate(root.toString() + "console/");
        signIn(page);
        assertThat(page.locator("#connection")).hasText("Live");
        assertThat(page.locator("#workers .worker")).hasCount(2);
        return page;
    }

    static void signIn(Page page) {
        page.getByLabel("Operator token").fill(TOKEN);
        page.getByLabel("Operator token").press("Enter");
        assertThat(page.locator("#desk")).isVisible();
    }

    static Locator reservationOf(Page page, String taskSid) {
        return page.locator("#reservations .reservation").filter(new Locator.FilterOptions().setHasText(taskSid));
    }

    static Locator taskOf(Page page, String taskSid) {
        return page.locator("#tasks .task").filter(new Locator.FilterOptions().setHasText(taskSid));
    }

    static Locator queueRow(Page page, String nameContains) {
        return page.locator("#queues .queue").filter(new Locator.FilterOptions().setHasText(nameContains));
    }

    static String createTask(String attributes) {
        return operator().contentType("application/json").body("{\"attributes\":" + attributes + "}")
                .when().post("/api/tasks").then().statusCode(201).extract().path("sid");
    }

    static Locator workerRow(Page page, String name) {
        return page.locator("#workers .worker").filter(new Locator.FilterOptions().setHasText(name));
    }
}
