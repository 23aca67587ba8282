package org.taskrouter.assignment.operator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.taskrouter.assignment.operator.OperatorApiTest.operator;
import static org.taskrouter.assignment.support.TaskRouterStubJson.WORKSPACE_PATH;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.TaskRouterStubJson;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /api/queues}: each TaskQueue with its RealTimeStatistics, one reading for many callers. */
@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
class QueueApiTest {

    static final String SPANISH = "WQ000000000000000000000000000000e5";
    static final String ENGLISH = "WQ000000000000000000000000000000e6";

    @InjectWireMock
    WireMockServer taskRouter;

    @BeforeEach
    void reset() throws InterruptedException {
        taskRouter.resetAll();
        // the %test profile keeps a reading 1 s: the last test's must be gone
        Thread.sleep(1_100);
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/TaskQueues")).willReturn(okJson(TaskRouterStubJson.page(
                "task_queues", null,
                TaskRouterStubJson.taskQueue(SPANISH, "Customer Care Requests - Spanish", "languages HAS \"es\""),
                TaskRouterStubJson.taskQueue(ENGLISH, "Customer Care Requests - English", "languages HAS \"en\"")))));
    }

    private void statisticsAnswer(String queueSid, int pending, int reserved, long longestWait, int available,
            int eligible) {
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/TaskQueues/" + queueSid + "/RealTimeStatistics"))
                .willReturn(okJson(TaskRouterStubJson.taskQueueStatistics(queueSid, pending, reserved, longestWait,
                        available, eligible))));
    }

    @Test
    void listsEachTaskQueueWithItsWaitingTasksLongestWaitAndAvailableWorkers() {
        statisticsAnswer(SPANISH, 2, 1, 95, 0, 1);
        statisticsAnswer(ENGLISH, 0, 0, 0, 1, 2);

        operator().when().get("/api/queues").then().statusCode(200)
                .body("sid", contains(SPANISH, ENGLISH))
                .body("friendlyName", contains("Customer Care Requests - Spanish", "Customer Care Requests - English"))
                .body("totalTasks", contains(3, 0))
                .body("tasksByStatus.pending", contains(2, 0))
                .body("longestTaskWaitingAge", contains(95, 0))
                .body("totalAvailableWorkers", contains(0, 1))
                .body("totalEligibleWorkers", contains(1, 2));
    }

    @Test
    void answersManyCallersFromOneReadingOfTaskRouter() {
        statisticsAnswer(SPANISH, 1, 0, 10, 1, 1);
        statisticsAnswer(ENGLISH, 0, 0, 0, 2, 2);

        for (int i = 0; i < 10; i++) {
            operator().when().get("/api/queues").then().statusCode(200).body("totalTasks", contains(1, 0));
        }

        taskRouter.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACE_PATH + "/TaskQueues")));
        taskRouter.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACE_PATH + "/TaskQueues/" + SPANISH
                + "/RealTimeStatistics")));
    }

    @Test
    void keepsNoFailedReadingTheNextCallAsksTaskRouterAgain() {
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/TaskQueues/" + SPANISH + "/RealTimeStatistics"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(TaskRouterStubJson.error(20404, "The requested resource was not found", 404))));
        statisticsAnswer(ENGLISH, 0, 0, 0, 2, 2);
        operator().when().get("/api/queues").then().statusCode(404).body("twilioCode", equalTo(20404));

        statisticsAnswer(SPANISH, 0, 0, 0, 1, 1);
        operator().when().get("/api/queues").then().statusCode(200).body("totalEligibleWorkers", contains(1, 2));
    }

    @Test
    void refusesACallWithoutTheToken() {
        given().when().get("/api/queues").then().statusCode(401).body("status", equalTo(401));
    }
}
