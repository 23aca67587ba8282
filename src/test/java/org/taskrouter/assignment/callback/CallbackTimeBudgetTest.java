package org.taskrouter.assignment.callback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.support.TaskRouterStubJson.TASK;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.ConfigOverrides;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.SignedForm;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * TaskRouter's time budgets hold whatever its REST API is doing: an assignment callback is answered within 5 s
 * (after that TaskRouter takes the fallback URL or times the Reservation out) and an event callback within 15 s
 * (after that it retries), while every REST call hangs and operator calls pile up waiting on them. TaskRouter is
 * given 16 s here, past both budgets, so that a callback which waited on it would fail this test.
 */
@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
@TestProfile(CallbackTimeBudgetTest.TaskRouterGivenLongerThanTheBudgets.class)
class CallbackTimeBudgetTest {

    static final Duration ASSIGNMENT_BUDGET = Duration.ofSeconds(5);
    static final Duration EVENT_BUDGET = Duration.ofSeconds(15);
    static final int OPERATOR_CALLS_IN_FLIGHT = 16;

    public static class TaskRouterGivenLongerThanTheBudgets extends ConfigOverrides {
        public TaskRouterGivenLongerThanTheBudgets() {
            // one attempt: a retry would start past the total
            super("quarkus.rest-client.taskrouter.read-timeout", "16000", "taskrouter.retry.max-total", "PT1S");
        }
    }

    @InjectWireMock
    WireMockServer taskRouter;

    @Test
    void callbacksAreAnsweredWithinTaskRoutersBudgetsWhileItsApiHangs() throws InterruptedException {
        taskRouter.resetAll();
        taskRouter.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(30_000)));
        ExecutorService operators = Executors.newFixedThreadPool(OPERATOR_CALLS_IN_FLIGHT);
        List<CompletableFuture<Integer>> inFlight = new ArrayList<>();
        for (int i = 0; i < OPERATOR_CALLS_IN_FLIGHT; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> given()
                    .header("Authorization", "Bearer test-operator-token").when().get("/api/tasks/" + TASK)
                    .then().extract().statusCode(), operators));
        }
        Thread.sleep(500);

        long started = System.nanoTime();
        SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/assignment_callback", SignedForm.assignmentParams("{}"))
                .postTo("/assignment_callback").statusCode(200);
        Duration assignment = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events",
                SignedForm.eventParams("EV%032d".formatted(931), "task.created")).postTo("/events").statusCode(204);
        Duration event = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(assignment.compareTo(ASSIGNMENT_BUDGET) < 0, "assignment answered after " + assignment.toMillis()
                + " ms");
        assertTrue(event.compareTo(EVENT_BUDGET) < 0, "event answered after " + event.toMillis() + " ms");
        assertTrue(inFlight.stream().noneMatch(CompletableFuture::isDone), "the operator calls were still waiting");
        // and each of them is answered in the end, with the 503 of a TaskRouter that did not answer
        for (CompletableFuture<Integer> call : inFlight) {
            assertEquals(503, call.join());
        }
        operators.shutdown();
        taskRouter.resetAll();
    }
}
