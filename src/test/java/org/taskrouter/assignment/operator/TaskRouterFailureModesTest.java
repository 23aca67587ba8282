package org.taskrouter.assignment.operator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

/** What the operator gets when TaskRouter misbehaves in the less common ways. */
@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
class TaskRouterFailureModesTest {

    static final String RESERVATION_PATH = WORKSPACE_PATH + "/Tasks/" + TASK + "/Reservations/" + RESERVATION;

    @InjectWireMock
    WireMockServer taskRouter;

    @BeforeEach
    void reset() {
        taskRouter.resetAll();
    }

    @Test
    void doesNotResendAnAcceptWhoseAnswerWasLost() {
        taskRouter.stubFor(post(RESERVATION_PATH).willReturn(okJson(
                TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "accepted")).withFixedDelay(2500)));
        operator().when().post("/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/accept")
                .then().statusCode(503).body("error", containsString("the change may have been made"));
        taskRouter.verify(1, postRequestedFor(urlEqualTo(RESERVATION_PATH)));
    }

    @Test
    void passesALongRetryAfterOnInsteadOfComingBackTooSoon() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withHeader("Content-Type", "application/json")
                .withBody(TaskRouterStubJson.error(20429, "Too Many Requests", 429))));
        operator().when().get("/api/tasks/" + TASK)
                .then().statusCode(503).header("Retry-After", "30");
        taskRouter.verify(1, getRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Tasks/" + TASK)));
    }

    @Test
    void answers502ForASuccessWhoseBodyCannotBeReadAndDoesNotResendIt() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\": WT")));
        operator().contentType("application/json").body("{\"attributes\":{}}").when().post("/api/tasks")
                .then().statusCode(502).body("error", containsString("cannot read"));
        taskRouter.verify(1, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Tasks")));
    }

    @Test
    void refusesAnUnknownFieldInsteadOfIgnoringIt() {
        operator().contentType("application/json").body("{\"activitysid\":\"" + IDLE + "\"}")
                .when().post("/api/tasks/" + TASK + "/complete")
                .then().statusCode(400).body("error", containsString("unknown field 'activitysid'"));
        taskRouter.verify(0, postRequestedFor(urlPathEqualTo(WORKSPACE_PATH + "/Tasks/" + TASK)));
    }

    @Test
    void listsReservationsWhenAWorkerVanishedMeanwhile() {
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Workers")).willReturn(okJson(TaskRouterStubJson.page(
                "workers", null, TaskRouterStubJson.worker(ALICE, "Alice", IDLE, "Idle", true),
                TaskRouterStubJson.worker(BOB, "Bob", IDLE, "Idle", true)))));
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Workers/" + ALICE + "/Reservations"))
                .willReturn(okJson(TaskRouterStubJson.page("reservations", null,
                        TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "pending")))));
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Workers/" + BOB + "/Reservations"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(TaskRouterStubJson.error(20404, "The requested resource was not found", 404))));
        operator().when().get("/api/reservations").then().statusCode(200).body("sid", contains(RESERVATION));
    }

    @Test
    void stopsAtAnEmptyPageThatStillNamesANextOne() {
        String next = "https://taskrouter.twilio.com" + WORKSPACE_PATH + "/Workers?PageSize=1000&Page=1&PageToken=PT1";
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Workers"))
                .willReturn(okJson(TaskRouterStubJson.page("workers", next))));
        operator().when().get("/api/workers").then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
        taskRouter.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACE_PATH + "/Workers")));
    }

    @Test
    void saysTheTaskIsCompletedWhenOnlyMovingItsWorkerFailed() {
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Tasks/" + TASK + "/Reservations")).willReturn(okJson(
                TaskRouterStubJson.page("reservations", null, TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "accepted")))));
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).willReturn(okJson(TaskRouterStubJson.task(TASK, "assigned", "{}"))
                .withHeader("ETag", "\"7\"")));
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks/" + TASK).withHeader("If-Match", equalTo("\"7\""))
                .willReturn(okJson(TaskRouterStubJson.task(TASK, "completed", "{}"))));
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Workers/" + ALICE).willReturn(aResponse().withStatus(503)));
        operator().contentType("application/json").body("{\"activitySid\":\"" + IDLE + "\"}")
                .when().post("/api/tasks/" + TASK + "/complete")
                .then().statusCode(503).body("error", containsString("is completed, but moving Worker"));
    }
}
