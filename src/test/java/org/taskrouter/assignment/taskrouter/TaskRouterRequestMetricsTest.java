package org.taskrouter.assignment.taskrouter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.support.PrometheusText.scrape;
import static org.taskrouter.assignment.support.PrometheusText.series;
import static org.taskrouter.assignment.support.PrometheusText.sum;
import static org.taskrouter.assignment.support.TaskRouterStubJson.TASK;
import static org.taskrouter.assignment.support.TaskRouterStubJson.WORKSPACE_PATH;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.TaskRouterStubJson;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * {@code taskrouter_requests_seconds} and {@code taskrouter_retries_total} answer what an operator asks when
 * TaskRouter misbehaves: which operation, how it was answered, how often it had to be sent again; never a SID.
 */
@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
class TaskRouterRequestMetricsTest {

    private static final String REQUESTS = "taskrouter_requests_seconds_count";
    private static final String RETRIES = "taskrouter_retries_total";

    @InjectWireMock
    WireMockServer taskRouter;

    @BeforeEach
    void reset() {
        taskRouter.resetAll();
    }

    private static RequestSpecification operator() {
        return given().header("Authorization", "Bearer test-operator-token");
    }

    @Test
    void timesEachAttemptByOperationAndStatusAndCountsTheRetry() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).inScenario("blip")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).inScenario("blip").whenScenarioStateIs("up")
                .willReturn(okJson(TaskRouterStubJson.task(TASK, "pending", "{}"))));
        String before = scrape();

        operator().when().get("/api/tasks/" + TASK).then().statusCode(200);

        String after = scrape();
        assertEquals(1, delta(before, after, REQUESTS, "operation=\"fetch_task\"", "status=\"503\""));
        assertEquals(1, delta(before, after, REQUESTS, "operation=\"fetch_task\"", "status=\"2xx\""));
        assertEquals(1, delta(before, after, RETRIES, "operation=\"fetch_task\""));
        assertTrue(series(after, "taskrouter_requests_seconds_bucket").stream().anyMatch(line -> line.contains(
                "operation=\"fetch_task\"") && line.contains("le=\"0.1\"")), "buckets, for the p99 of a call");
        assertTrue(series(after, "taskrouter_requests_seconds_count").stream()
                .noneMatch(line -> line.matches(".*(WS|WT|WR|WK|WW)[0-9a-f]{32}.*")), "no SID in a label");
    }

    @Test
    void namesAnAnswerThatNeverCameAndDoesNotRetryACreation() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(TaskRouterStubJson.task(TASK, "pending", "{}")).withFixedDelay(2500)));
        String before = scrape();

        operator().contentType("application/json").body("{\"attributes\":{}}").when().post("/api/tasks").then()
                .statusCode(503);

        String after = scrape();
        assertEquals(1, delta(before, after, REQUESTS, "operation=\"create_task\"", "status=\"timeout\""));
        assertEquals(0, delta(before, after, RETRIES, "operation=\"create_task\""),
                "a creation that may have been made is not sent again");
    }

    @Test
    void namesAConnectionResetUnreachableAndRetriesARead() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String before = scrape();

        operator().when().get("/api/tasks/" + TASK).then().statusCode(503);

        String after = scrape();
        assertEquals(4, delta(before, after, REQUESTS, "operation=\"fetch_task\"", "status=\"unreachable\""),
                "four attempts, each timed");
        assertEquals(3, delta(before, after, RETRIES, "operation=\"fetch_task\""));
    }

    private static double delta(String before, String after, String name, String... labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }
}
