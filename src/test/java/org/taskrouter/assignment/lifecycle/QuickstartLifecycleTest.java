package org.taskrouter.assignment.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.lifecycle.EmbeddedTaskRouterProfile.ALICE;
import static org.taskrouter.assignment.lifecycle.EmbeddedTaskRouterProfile.BOB;
import static org.taskrouter.assignment.lifecycle.EmbeddedTaskRouterProfile.IDLE;
import static org.taskrouter.assignment.lifecycle.EmbeddedTaskRouterProfile.OFFLINE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The quickstart lifecycle end to end, as a newcomer runs it in dev mode: Task created, Worker reserved, the
 * assignment callback answered, the Reservation accepted (through the API or by the callback), the Task
 * assigned, wrapped up, completed, and the Worker offered the next Task.
 */
@QuarkusTest
@TestProfile(EmbeddedTaskRouterProfile.class)
public class QuickstartLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    public static RequestSpecification operator() {
        return given().header("Authorization", "Bearer test-operator-token");
    }

    static String createTask(String attributes) {
        return operator().contentType("application/json").body("{\"attributes\":" + attributes + "}")
                .when().post("/api/tasks").then().statusCode(201).extract().path("sid");
    }

    static String status(String taskSid) {
        return operator().when().get("/api/tasks/" + taskSid).then().statusCode(200).extract().path("assignmentStatus");
    }

    /** The pending Reservation of {@code taskSid}, once TaskRouter has made it. */
    static Map<String, String> awaitPendingReservation(String taskSid) {
        return await().atMost(PATIENCE).until(() -> pendingReservations().stream()
                .filter(r -> taskSid.equals(r.get("taskSid"))).findFirst(), Optional::isPresent).get();
    }

    static List<Map<String, String>> pendingReservations() {
        return operator().when().get("/api/reservations?status=pending").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static void setActivity(String workerSid, String activitySid) {
        operator().contentType("application/json").body("{\"activitySid\":\"" + activitySid + "\"}")
                .when().put("/api/workers/" + workerSid + "/activity").then().statusCode(200);
    }

    static String activityOf(String workerSid) {
        JsonPath workers = operator().when().get("/api/workers").then().statusCode(200).extract().jsonPath();
        return workers.getString("find { it.sid == '" + workerSid + "' }.activityName");
    }

    static void accept(Map<String, String> reservation) {
        operator().when().post("/api/tasks/" + reservation.get("taskSid") + "/reservations/" + reservation.get("sid")
                + "/accept").then().statusCode(200).body("reservationStatus", equalTo("accepted"));
    }

    /** Each test starts from Alice and Bob idle and free: what one test leaves open, the next must not inherit. */
    @AfterEach
    void finishEverything() {
        List<Map<String, String>> open = operator().when().get("/api/tasks?assignmentStatus=pending,reserved,assigned,wrapping")
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, String> task : open) {
            String action = List.of("assigned", "wrapping").contains(task.get("assignmentStatus")) ? "complete" : "cancel";
            operator().when().post("/api/tasks/" + task.get("sid") + "/" + action);
        }
        setActivity(ALICE, IDLE);
        setActivity(BOB, IDLE);
    }

    @Test
    void acceptsThroughTheReservationsApiAfterTheCallbackDeferred() {
        String task = createTask("{\"selected_language\":\"es\"}");
        Map<String, String> reservation = awaitPendingReservation(task);
        assertEquals(ALICE, reservation.get("workerSid"), "only Alice speaks Spanish");
        assertEquals("reserved", status(task), "the callback answered {}: the Reservation waits for the API");

        accept(reservation);

        assertEquals("assigned", status(task));
        assertEquals("Busy", activityOf(ALICE));
    }

    @Test
    void acceptsThroughTheCallbacksInstruction() {
        String task = createTask("{\"selected_language\":\"es\",\"accept_by_callback\":\"yes\"}");
        await().atMost(PATIENCE).until(() -> status(task), equalTo("assigned"));
        assertEquals("Busy", activityOf(ALICE));
        assertTrue(pendingReservations().stream().noneMatch(r -> task.equals(r.get("taskSid"))));
    }

    @Test
    void offersARejectedTaskToTheOtherWorker() {
        String task = createTask("{\"selected_language\":\"en\"}");
        Map<String, String> first = awaitPendingReservation(task);
        String other = ALICE.equals(first.get("workerSid")) ? BOB : ALICE;

        operator().contentType("application/json").body("{\"activitySid\":\"" + OFFLINE + "\"}")
                .when().post("/api/tasks/" + task + "/reservations/" + first.get("sid") + "/reject")
                .then().statusCode(200).body("reservationStatus", equalTo("rejected"));

        Map<String, String> second = awaitPendingReservation(task);
        assertEquals(other, second.get("workerSid"));
        assertEquals("Offline", activityOf(first.get("workerSid")));
    }

    @Test
    void offersATimedOutReservationToTheOtherWorker() {
        String task = createTask("{\"selected_language\":\"en\"}");
        Map<String, String> first = awaitPendingReservation(task);
        String other = ALICE.equals(first.get("workerSid")) ? BOB : ALICE;
        // the profile sets the Reservation timeout to 3 s; nobody answers it
        await().atMost(PATIENCE).until(() -> pendingReservations().stream()
                .anyMatch(r -> task.equals(r.get("taskSid")) && other.equals(r.get("workerSid"))));
        assertEquals("Offline", activityOf(first.get("workerSid")), "TaskRouter moves a timed-out Worker to Offline");
    }

    @Test
    void keepsATaskWaitingWhileNoEligibleWorkerIsAvailable() {
        setActivity(ALICE, OFFLINE);
        String task = createTask("{\"selected_language\":\"es\"}");
        await().pollDelay(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> status(task), equalTo("pending"));
        assertTrue(pendingReservations().isEmpty(), "Bob does not speak Spanish, Alice is offline");

        setActivity(ALICE, IDLE);

        assertEquals(ALICE, awaitPendingReservation(task).get("workerSid"));
    }

    @Test
    void givesAWorkerHoldingAnAssignedTaskNoSecondReservationUntilItIsCompleted() {
        String first = createTask("{\"selected_language\":\"es\"}");
        accept(awaitPendingReservation(first));
        setActivity(ALICE, IDLE); // available again, but still holding the first Task

        String second = createTask("{\"selected_language\":\"es\"}");
        await().pollDelay(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> status(second), equalTo("pending"));
        assertTrue(pendingReservations().isEmpty(), "Alice holds an assigned Task: no new Reservation");

        operator().contentType("application/json").body("{\"reason\":\"customer helped\"}")
                .when().post("/api/tasks/" + first + "/complete")
                .then().statusCode(200).body("assignmentStatus", equalTo("completed"));

        assertEquals(ALICE, awaitPendingReservation(second).get("workerSid"), "completing freed Alice at once");
    }

    @Test
    void refusesToCompleteATaskTwice() {
        String task = createTask("{\"selected_language\":\"es\"}");
        accept(awaitPendingReservation(task));
        operator().contentType("application/json").body("{\"reason\":\"customer helped\"}")
                .when().post("/api/tasks/" + task + "/complete")
                .then().statusCode(200).body("assignmentStatus", equalTo("completed"));

        operator().when().post("/api/tasks/" + task + "/complete")
                .then().statusCode(409).body("error", containsString("cannot be completed"));
    }

    @Test
    void cancelingATaskEndsItsPendingReservation() {
        String task = createTask("{\"selected_language\":\"es\"}");
        Map<String, String> reservation = awaitPendingReservation(task);

        operator().contentType("application/json").body("{\"reason\":\"caller hung up\"}")
                .when().post("/api/tasks/" + task + "/cancel")
                .then().statusCode(200).body("assignmentStatus", equalTo("canceled"));

        assertTrue(pendingReservations().stream().noneMatch(r -> reservation.get("sid").equals(r.get("sid"))),
                "cancelling ends the Task's pending Reservation");
    }

    @Test
    void wrapsUpThenCompletesMovingTheWorkerBackToIdle() {
        String task = createTask("{\"selected_language\":\"es\",\"accept_by_callback\":\"yes\"}");
        await().atMost(PATIENCE).until(() -> status(task), equalTo("assigned"));

        operator().when().post("/api/tasks/" + task + "/wrapup")
                .then().statusCode(200).body("assignmentStatus", equalTo("wrapping"));
        operator().contentType("application/json").body("{\"activitySid\":\"" + IDLE + "\"}")
                .when().post("/api/tasks/" + task + "/complete")
                .then().statusCode(200).body("assignmentStatus", equalTo("completed"));

        assertEquals("Idle", activityOf(ALICE));
    }

    @Test
    void refusesToWrapUpATaskThatIsNotAssigned() {
        setActivity(ALICE, OFFLINE);
        setActivity(BOB, OFFLINE);
        String task = createTask("{\"selected_language\":\"en\"}");
        operator().when().post("/api/tasks/" + task + "/wrapup").then().statusCode(409);
    }

    @Test
    void answers404ForATaskTaskRouterDoesNotKnow() {
        operator().when().get("/api/tasks/WT00000000000000000000000000000000")
                .then().statusCode(404).body("twilioCode", equalTo(20404));
    }
}
