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
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.support.TaskRouterStubJson.ALICE;
import static org.taskrouter.assignment.support.TaskRouterStubJson.BOB;
import static org.taskrouter.assignment.support.TaskRouterStubJson.IDLE;
import static org.taskrouter.assignment.support.TaskRouterStubJson.RESERVATION;
import static org.taskrouter.assignment.support.TaskRouterStubJson.TASK;
import static org.taskrouter.assignment.support.TaskRouterStubJson.WORKFLOW;
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

@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
class OperatorApiTest {

    static final String BASIC_AUTH = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("AC00000000000000000000000000000000:test-auth-token".getBytes());

    @InjectWireMock
    WireMockServer taskRouter;

    @BeforeEach
    void reset() {
        taskRouter.resetAll();
    }

    static RequestSpecification operator() {
        return given().header("Authorization", "Bearer test-operator-token");
    }

    @Test
    void createsATaskInTheConfiguredWorkflowWithTwiliosFormFields() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(TaskRouterStubJson.task(TASK, "pending", "{\"selected_language\":\"es\"}"))));

        operator().contentType("application/json").body("{\"attributes\":{\"selected_language\":\"es\"},\"priority\":5}")
                .when().post("/api/tasks")
                .then().statusCode(201)
                .header("Location", containsString("/api/tasks/" + TASK))
                .body("sid", org.hamcrest.Matchers.equalTo(TASK))
                .body("assignmentStatus", org.hamcrest.Matchers.equalTo("pending"))
                .body("attributes.selected_language", org.hamcrest.Matchers.equalTo("es"))
                .body("taskQueueFriendlyName", org.hamcrest.Matchers.equalTo("Customer Care Requests - Spanish"));

        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Tasks"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("WorkflowSid", equalTo(WORKFLOW))
                .withFormParam("Attributes", equalTo("{\"selected_language\":\"es\"}"))
                .withFormParam("Priority", equalTo("5"))
                .withFormParam("Timeout", absent())
                .withFormParam("TaskChannel", absent()));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(String text) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(text);
    }

    @Test
    void fetchesATask() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK)
                .willReturn(okJson(TaskRouterStubJson.task(TASK, "assigned", "{}")).withHeader("ETag", "\"1\"")));
        operator().when().get("/api/tasks/" + TASK)
                .then().statusCode(200).body("assignmentStatus", org.hamcrest.Matchers.equalTo("assigned"));
    }

    @Test
    void answersAnUnknownTaskWith404CarryingTwiliosCode() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(TaskRouterStubJson.error(20404, "The requested resource was not found", 404))));
        operator().when().get("/api/tasks/" + TASK)
                .then().statusCode(404)
                .body("status", org.hamcrest.Matchers.equalTo(404))
                .body("twilioCode", org.hamcrest.Matchers.equalTo(20404))
                .body("error", containsString("not found"));
    }

    @Test
    void listsPendingReservationsAcrossWorkersFollowingNextPageUrls() {
        String nextWorkers = "https://taskrouter.twilio.com" + WORKSPACE_PATH + "/Workers?PageSize=1000&Page=1&PageToken=PT1";
        taskRouter.stubFor(get(urlEqualTo(WORKSPACE_PATH + "/Workers?PageSize=1000"))
                .willReturn(okJson(TaskRouterStubJson.page("workers", nextWorkers,
                        TaskRouterStubJson.worker(ALICE, "Alice", IDLE, "Idle", true)))));
        taskRouter.stubFor(get(urlEqualTo(WORKSPACE_PATH + "/Workers?PageSize=1000&Page=1&PageToken=PT1"))
                .willReturn(okJson(TaskRouterStubJson.page("workers", null,
                        TaskRouterStubJson.worker(BOB, "Bob", IDLE, "Idle", true)))));
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Workers/" + ALICE + "/Reservations"))
                .withQueryParam("ReservationStatus", equalTo("pending"))
                .willReturn(okJson(TaskRouterStubJson.page("reservations", null,
                        TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "pending")))));
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Workers/" + BOB + "/Reservations"))
                .withQueryParam("ReservationStatus", equalTo("pending"))
                .willReturn(okJson(TaskRouterStubJson.page("reservations", null,
                        TaskRouterStubJson.reservation("WR00000000000000000000000000000002", TASK, BOB, "pending")))));

        operator().when().get("/api/reservations?status=pending")
                .then().statusCode(200)
                .body("sid", contains(RESERVATION, "WR00000000000000000000000000000002"))
                .body("reservationStatus", contains("pending", "pending"));
    }

    @Test
    void acceptsAReservationThroughTheReservationsApi() {
        String path = WORKSPACE_PATH + "/Tasks/" + TASK + "/Reservations/" + RESERVATION;
        taskRouter.stubFor(post(path).willReturn(okJson(TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "accepted"))));
        operator().when().post("/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/accept")
                .then().statusCode(200).body("reservationStatus", org.hamcrest.Matchers.equalTo("accepted"));
        taskRouter.verify(postRequestedFor(urlEqualTo(path))
                .withFormParam("ReservationStatus", equalTo("accepted"))
                .withFormParam("WorkerActivitySid", absent()));
    }

    @Test
    void answers409WhenTheReservationIsNoLongerPending() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks/" + TASK + "/Reservations/" + RESERVATION)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(TaskRouterStubJson.error(20001, "Reservation " + RESERVATION + " is not pending", 400))));
        operator().when().post("/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/accept")
                .then().statusCode(409)
                .body("twilioCode", org.hamcrest.Matchers.equalTo(20001))
                .body("error", containsString("is not pending"));
    }

    @Test
    void rejectsAReservationMovingTheWorkerToTheGivenActivity() {
        String path = WORKSPACE_PATH + "/Tasks/" + TASK + "/Reservations/" + RESERVATION;
        taskRouter.stubFor(post(path).willReturn(okJson(TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "rejected"))));
        operator().contentType("application/json").body("{\"activitySid\":\"" + IDLE + "\"}")
                .when().post("/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/reject")
                .then().statusCode(200).body("reservationStatus", org.hamcrest.Matchers.equalTo("rejected"));
        taskRouter.verify(postRequestedFor(urlEqualTo(path))
                .withFormParam("ReservationStatus", equalTo("rejected"))
                .withFormParam("WorkerActivitySid", equalTo(IDLE)));
    }

    @Test
    void rejectsWithoutABodyLeavesTheActivityToTaskRouter() {
        String path = WORKSPACE_PATH + "/Tasks/" + TASK + "/Reservations/" + RESERVATION;
        taskRouter.stubFor(post(path).willReturn(okJson(TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "rejected"))));
        operator().when().post("/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/reject")
                .then().statusCode(200);
        taskRouter.verify(postRequestedFor(urlEqualTo(path)).withFormParam("WorkerActivitySid", absent()));
    }

    @Test
    void movesAWorkerToAnotherActivity() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Workers/" + ALICE)
                .willReturn(okJson(TaskRouterStubJson.worker(ALICE, "Alice", IDLE, "Idle", true))));
        operator().contentType("application/json").body("{\"activitySid\":\"" + IDLE + "\"}")
                .when().put("/api/workers/" + ALICE + "/activity")
                .then().statusCode(200)
                .body("activityName", org.hamcrest.Matchers.equalTo("Idle"))
                .body("available", org.hamcrest.Matchers.equalTo(true));
        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Workers/" + ALICE))
                .withFormParam("ActivitySid", equalTo(IDLE)));
    }

    @Test
    void retriesA429AfterTheWaitTaskRouterAskedFor() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody(TaskRouterStubJson.error(20429, "Too Many Requests", 429)))
                .willSetStateTo("calm"));
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(okJson(TaskRouterStubJson.task(TASK, "pending", "{}"))));

        long started = System.nanoTime();
        operator().when().get("/api/tasks/" + TASK).then().statusCode(200);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        taskRouter.verify(2, getRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Tasks/" + TASK)));
        assertTrue(waitedMillis >= 950, "retried after " + waitedMillis + " ms, Retry-After asked for 1 s");
    }

    @Test
    void retriesA503ThenGivesUpWithA503() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).willReturn(aResponse().withStatus(503)));
        operator().when().get("/api/tasks/" + TASK)
                .then().statusCode(503)
                .body("error", containsString("unavailable after 4 attempt"));
        taskRouter.verify(4, getRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Tasks/" + TASK)));
    }

    @Test
    void createsATaskAfterA503WithoutCreatingItTwice() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks").inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks").inScenario("blip").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(TaskRouterStubJson.task(TASK, "pending", "{}"))));
        operator().contentType("application/json").body("{\"attributes\":{}}")
                .when().post("/api/tasks").then().statusCode(201);
        taskRouter.verify(2, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Tasks")));
    }

    @Test
    void doesNotRetryATaskCreationThatTimedOut() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(TaskRouterStubJson.task(TASK, "pending", "{}")).withFixedDelay(2500)));
        operator().contentType("application/json").body("{\"attributes\":{}}")
                .when().post("/api/tasks").then().statusCode(503).body("error", containsString("the change may have been made"));
        taskRouter.verify(1, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Tasks")));
    }

    @Test
    void answers503WhenTaskRouterTimesOutOnAFetch() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK)
                .willReturn(okJson(TaskRouterStubJson.task(TASK, "pending", "{}")).withFixedDelay(2500)));
        operator().when().get("/api/tasks/" + TASK).then().statusCode(503)
                .body(not(containsString("Exception")));
    }

    @Test
    void answers503WhenTheConnectionToTaskRouterBreaks() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        operator().when().get("/api/tasks/" + TASK).then().statusCode(503).body("status", org.hamcrest.Matchers.equalTo(503));
    }

    @Test
    void answers502WhenTaskRouterRejectsOurCredentials() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(TaskRouterStubJson.error(20003, "Authenticate", 401))));
        operator().when().get("/api/tasks/" + TASK).then().statusCode(502)
                .body("error", containsString("rejected this service's credentials"))
                .body("twilioCode", org.hamcrest.Matchers.equalTo(20003));
    }

    @Test
    void answers422WhenTaskRouterRefusesAField() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(TaskRouterStubJson.error(20001, "Invalid TaskChannel: sms", 400))));
        operator().contentType("application/json").body("{\"attributes\":{},\"taskChannel\":\"sms\"}")
                .when().post("/api/tasks").then().statusCode(422).body("error", containsString("Invalid TaskChannel"));
    }

    @Test
    void answers502WhenTaskRouterFails() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).willReturn(aResponse().withStatus(500)
                .withBody("<html>oops</html>")));
        operator().when().get("/api/tasks/" + TASK).then().statusCode(502).body("status", org.hamcrest.Matchers.equalTo(502));
    }

    @Test
    void refusesARequestWithoutToken() {
        given().when().get("/api/tasks/" + TASK).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("error", containsString("bearer token"));
        taskRouter.verify(0, getRequestedFor(urlPathEqualTo(WORKSPACE_PATH + "/Tasks/" + TASK)));
    }

    @Test
    void refusesAWrongToken() {
        given().header("Authorization", "Bearer test-operator-tokeN").when().get("/api/tasks/" + TASK)
                .then().statusCode(401).body("error", org.hamcrest.Matchers.equalTo("Wrong bearer token"));
    }

    @Test
    void refusesATaskWithoutAttributes() {
        operator().contentType("application/json").body("{\"priority\":1}").when().post("/api/tasks")
                .then().statusCode(400).body("error", containsString("attributes is required"));
    }

    @Test
    void refusesAttributesThatAreNotAnObject() {
        operator().contentType("application/json").body("{\"attributes\":\"es\"}").when().post("/api/tasks")
                .then().statusCode(400).body("error", containsString("attributes must be a JSON object"));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        operator().contentType("application/json").body("{\"attributes\":").when().post("/api/tasks")
                .then().statusCode(400).body("status", org.hamcrest.Matchers.equalTo(400))
                .body(not(containsString("Exception")));
    }

    @Test
    void refusesANegativePriority() {
        operator().contentType("application/json").body("{\"attributes\":{},\"priority\":-1}").when().post("/api/tasks")
                .then().statusCode(400).body("error", containsString("priority"));
    }

    @Test
    void refusesAMalformedSidBeforeCallingTaskRouter() {
        operator().when().post("/api/tasks/WT123/reservations/" + RESERVATION + "/accept")
                .then().statusCode(400).body("error", containsString("taskSid must be a SID"));
        taskRouter.verify(0, postRequestedFor(urlPathEqualTo(WORKSPACE_PATH + "/Tasks/WT123/Reservations/" + RESERVATION)));
    }

    @Test
    void refusesAnUnknownReservationStatus() {
        operator().when().get("/api/reservations?status=bogus").then().statusCode(400)
                .body("error", containsString("status must be one of"));
    }

    @Test
    void refusesAnActivityChangeWithoutActivity() {
        operator().contentType("application/json").body("{}").when().put("/api/workers/" + ALICE + "/activity")
                .then().statusCode(400).body("error", containsString("activitySid"));
    }
}
