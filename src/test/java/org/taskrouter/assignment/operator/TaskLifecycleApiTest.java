package org.taskrouter.assignment.operator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.taskrouter.assignment.operator.OperatorApiTest.operator;
import static org.taskrouter.assignment.support.TaskRouterStubJson.ALICE;
import static org.taskrouter.assignment.support.TaskRouterStubJson.BOB;
import static org.taskrouter.assignment.support.TaskRouterStubJson.IDLE;
import static org.taskrouter.assignment.support.TaskRouterStubJson.RESERVATION;
import static org.taskrouter.assignment.support.TaskRouterStubJson.TASK;
import static org.taskrouter.assignment.support.TaskRouterStubJson.WORKSPACE_PATH;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.TaskRouterStubJson;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
class TaskLifecycleApiTest {

    static final String TASK_PATH = WORKSPACE_PATH + "/Tasks/" + TASK;
    static final String ETAG = "\"ed4ba6b0-1b6c\"";

    @InjectWireMock
    WireMockServer taskRouter;

    @BeforeEach
    void reset() {
        taskRouter.resetAll();
    }

    private void taskIs(String status) {
        taskRouter.stubFor(get(TASK_PATH).willReturn(okJson(TaskRouterStubJson.task(TASK, status, "{}"))
                .withHeader("ETag", ETAG)));
    }

    private void updateAnswers(String status) {
        taskRouter.stubFor(post(TASK_PATH).willReturn(okJson(TaskRouterStubJson.task(TASK, status, "{}"))));
    }

    @Test
    void wrapsUpWithTheTasksEtagAndNoReason() {
        taskIs("assigned");
        updateAnswers("wrapping");
        operator().when().post("/api/tasks/" + TASK + "/wrapup")
                .then().statusCode(200).body("assignmentStatus", org.hamcrest.Matchers.equalTo("wrapping"));
        taskRouter.verify(postRequestedFor(urlEqualTo(TASK_PATH))
                .withHeader("If-Match", equalTo(ETAG))
                .withFormParam("AssignmentStatus", equalTo("wrapping"))
                .withFormParam("Reason", absent()));
    }

    @Test
    void completesWithTheDefaultReasonWhenNoneIsGiven() {
        taskIs("wrapping");
        updateAnswers("completed");
        operator().when().post("/api/tasks/" + TASK + "/complete")
                .then().statusCode(200).body("assignmentStatus", org.hamcrest.Matchers.equalTo("completed"));
        taskRouter.verify(postRequestedFor(urlEqualTo(TASK_PATH))
                .withHeader("If-Match", equalTo(ETAG))
                .withFormParam("AssignmentStatus", equalTo("completed"))
                .withFormParam("Reason", equalTo("completed")));
    }

    @Test
    void completesAndMovesTheWorkerThatHeldTheTask() {
        taskIs("assigned");
        updateAnswers("completed");
        taskRouter.stubFor(get(urlPathEqualTo(TASK_PATH + "/Reservations")).willReturn(okJson(TaskRouterStubJson.page(
                "reservations", null,
                TaskRouterStubJson.reservation("WR00000000000000000000000000000007", TASK, BOB, "rejected"),
                TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "accepted")))));
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Workers/" + ALICE)
                .willReturn(okJson(TaskRouterStubJson.worker(ALICE, "Alice", IDLE, "Idle", true))));

        operator().contentType("application/json")
                .body("{\"reason\":\"customer helped\",\"activitySid\":\"" + IDLE + "\"}")
                .when().post("/api/tasks/" + TASK + "/complete")
                .then().statusCode(200).body("assignmentStatus", org.hamcrest.Matchers.equalTo("completed"));

        taskRouter.verify(postRequestedFor(urlEqualTo(TASK_PATH)).withFormParam("Reason", equalTo("customer helped")));
        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Workers/" + ALICE))
                .withFormParam("ActivitySid", equalTo(IDLE)));
        taskRouter.verify(0, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Workers/" + BOB)));
    }

    @Test
    void answers409WhenTaskRouterRefusesToCompleteATaskInTheWrongState() {
        taskIs("completed");
        taskRouter.stubFor(post(TASK_PATH).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(TaskRouterStubJson.error(20001, "Task " + TASK + " cannot be completed: it is completed", 400))));
        operator().when().post("/api/tasks/" + TASK + "/complete")
                .then().statusCode(409)
                .body("twilioCode", org.hamcrest.Matchers.equalTo(20001))
                .body("error", containsString("cannot be completed"));
    }

    @Test
    void answers409WhenTheTaskChangedSinceItWasRead() {
        taskIs("assigned");
        taskRouter.stubFor(post(TASK_PATH).willReturn(aResponse().withStatus(412)
                .withHeader("Content-Type", "application/json")
                .withBody(TaskRouterStubJson.error(20001, "If-Match does not match the current ETag", 412))));
        operator().when().post("/api/tasks/" + TASK + "/complete").then().statusCode(409);
    }

    @Test
    void answers409WhenCompletingAndMovingAWorkerButNoWorkerHoldsTheTask() {
        taskRouter.stubFor(get(urlPathEqualTo(TASK_PATH + "/Reservations")).willReturn(okJson(TaskRouterStubJson.page(
                "reservations", null, TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "pending")))));
        operator().contentType("application/json").body("{\"activitySid\":\"" + IDLE + "\"}")
                .when().post("/api/tasks/" + TASK + "/complete")
                .then().statusCode(409).body("error", containsString("held by no Worker"));
        taskRouter.verify(0, postRequestedFor(urlEqualTo(TASK_PATH)));
    }

    @Test
    void cancelsWithTheGivenReason() {
        taskIs("reserved");
        updateAnswers("canceled");
        operator().contentType("application/json").body("{\"reason\":\"caller hung up\"}")
                .when().post("/api/tasks/" + TASK + "/cancel")
                .then().statusCode(200).body("assignmentStatus", org.hamcrest.Matchers.equalTo("canceled"));
        taskRouter.verify(postRequestedFor(urlEqualTo(TASK_PATH))
                .withHeader("If-Match", equalTo(ETAG))
                .withFormParam("AssignmentStatus", equalTo("canceled"))
                .withFormParam("Reason", equalTo("caller hung up")));
    }

    @Test
    void answers404ForAnUnknownTask() {
        taskRouter.stubFor(get(TASK_PATH).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(TaskRouterStubJson.error(20404, "The requested resource was not found", 404))));
        operator().when().post("/api/tasks/" + TASK + "/cancel").then().statusCode(404);
        taskRouter.verify(0, postRequestedFor(urlEqualTo(TASK_PATH)));
    }

    @Test
    void listsTasksInSeveralStatesAcrossPages() {
        String next = "https://taskrouter.twilio.com" + WORKSPACE_PATH
                + "/Tasks?AssignmentStatus=assigned&AssignmentStatus=wrapping&PageSize=1000&Page=1&PageToken=PT2";
        taskRouter.stubFor(get(urlEqualTo(WORKSPACE_PATH + "/Tasks?AssignmentStatus=assigned&AssignmentStatus=wrapping&PageSize=1000"))
                .willReturn(okJson(TaskRouterStubJson.page("tasks", next, TaskRouterStubJson.task(TASK, "assigned", "{}")))));
        taskRouter.stubFor(get(urlEqualTo(WORKSPACE_PATH
                + "/Tasks?AssignmentStatus=assigned&AssignmentStatus=wrapping&PageSize=1000&Page=1&PageToken=PT2"))
                .willReturn(okJson(TaskRouterStubJson.page("tasks", null,
                        TaskRouterStubJson.task("WT00000000000000000000000000000002", "wrapping", "{}")))));

        operator().when().get("/api/tasks?assignmentStatus=assigned,wrapping")
                .then().statusCode(200)
                .body("sid", contains(TASK, "WT00000000000000000000000000000002"))
                .body("assignmentStatus", contains("assigned", "wrapping"));
        taskRouter.verify(2, getRequestedFor(urlPathEqualTo(WORKSPACE_PATH + "/Tasks")));
    }

    @Test
    void refusesAnUnknownAssignmentStatus() {
        operator().when().get("/api/tasks?assignmentStatus=assigned,done")
                .then().statusCode(400).body("error", containsString("not 'done'"));
    }

    @Test
    void listsWorkersWithTheirActivityAndActivitiesWithAvailability() {
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Workers")).willReturn(okJson(TaskRouterStubJson.page(
                "workers", null, TaskRouterStubJson.worker(ALICE, "Alice", IDLE, "Idle", true),
                TaskRouterStubJson.worker(BOB, "Bob", "WA00000000000000000000000000000003", "Offline", false)))));
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Activities")).willReturn(okJson(TaskRouterStubJson.page(
                "activities", null,
                "{\"sid\":\"" + IDLE + "\",\"friendly_name\":\"Idle\",\"available\":true}",
                "{\"sid\":\"WA00000000000000000000000000000003\",\"friendly_name\":\"Offline\",\"available\":false}"))));

        operator().when().get("/api/workers").then().statusCode(200)
                .body("friendlyName", contains("Alice", "Bob"))
                .body("activityName", contains("Idle", "Offline"))
                .body("attributes[0].languages", contains("en"));
        operator().when().get("/api/activities").then().statusCode(200)
                .body("friendlyName", contains("Idle", "Offline"))
                .body("available", contains(true, false));
    }
}
