package org.taskrouter.assignment.simulator;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.simulator.TaskRouterApi.ALICE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.BOB;
import static org.taskrouter.assignment.simulator.TaskRouterApi.BUSY;
import static org.taskrouter.assignment.simulator.TaskRouterApi.IDLE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.OFFLINE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.RESERVED;
import static org.taskrouter.assignment.simulator.TaskRouterApi.SPANISH;
import static org.taskrouter.assignment.simulator.TaskRouterApi.WORKFLOW;
import static org.taskrouter.assignment.simulator.TaskRouterApi.WORKSPACE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.WRAP_UP;
import static org.taskrouter.assignment.simulator.TaskRouterApi.activityOf;
import static org.taskrouter.assignment.simulator.TaskRouterApi.answerReservation;
import static org.taskrouter.assignment.simulator.TaskRouterApi.api;
import static org.taskrouter.assignment.simulator.TaskRouterApi.createTask;
import static org.taskrouter.assignment.simulator.TaskRouterApi.path;
import static org.taskrouter.assignment.simulator.TaskRouterApi.pendingReservation;
import static org.taskrouter.assignment.simulator.TaskRouterApi.pendingWorker;
import static org.taskrouter.assignment.simulator.TaskRouterApi.post;
import static org.taskrouter.assignment.simulator.TaskRouterApi.setActivity;
import static org.taskrouter.assignment.simulator.TaskRouterApi.taskStatus;
import static org.taskrouter.assignment.simulator.TaskRouterApi.updateTask;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.twilio.ReservationStatus;

import com.twilio.security.RequestValidator;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The quickstart's lifecycle, end to end through the REST API and the callbacks, as TaskRouter runs it. */
@QuarkusTest
@TestProfile(SimulatorTestProfile.class)
class SimulatorLifecycleTest {

    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(10);

    @Inject
    TaskRouterSimulator simulator;

    @BeforeEach
    void freshWorkspace() {
        simulator.reset();
        TestCallbacks.reset();
    }

    @Test
    void spanishTaskIsReservedForAliceAndTheSignedAssignmentCallbackCarriesTaskRoutersParameters() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");

        assertEquals("reserved", taskStatus(taskSid));
        assertEquals(ALICE, pendingWorker(taskSid));
        assertEquals(RESERVED, activityOf(ALICE));
        assertEquals(IDLE, activityOf(BOB));

        ReceivedCallback callback = await().atMost(CALLBACK_WAIT)
                .until(() -> TestCallbacks.assignments(taskSid), list -> list.size() == 1).get(0);
        assertTrue(callback.signatureValid(), "X-Twilio-Signature over the public URL");
        assertEquals(SimulatorTestProfile.ACCOUNT_SID, callback.get("AccountSid"));
        assertEquals(WORKSPACE, callback.get("WorkspaceSid"));
        assertEquals(WORKFLOW, callback.get("WorkflowSid"));
        assertEquals(SPANISH, callback.get("TaskQueueSid"));
        assertEquals(ALICE, callback.get("WorkerSid"));
        assertEquals("{\"languages\":[\"en\",\"es\"]}", callback.get("WorkerAttributes"));
        assertEquals("{\"selected_language\":\"es\"}", callback.get("TaskAttributes"));
        assertEquals(pendingReservation(taskSid), callback.get("ReservationSid"));
        assertEquals("0", callback.get("TaskPriority"));
        assertNotNull(callback.get("TaskAge"));
        assertTrue(callback.get("Timestamp").matches("\\d{10}"), callback.get("Timestamp"));
    }

    @Test
    void assignmentCallbackSignatureIsAcceptedByTwiliosOwnValidator() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");

        ReceivedCallback callback = await().atMost(CALLBACK_WAIT)
                .until(() -> TestCallbacks.assignments(taskSid), list -> list.size() == 1).get(0);
        // twilio-java as an independent oracle: this is the signature Twilio itself would send.
        assertTrue(new RequestValidator(SimulatorTestProfile.AUTH_TOKEN)
                .validate(SimulatorTestProfile.ASSIGNMENT_URL, callback.params(), callback.signature()));
        assertTrue(callback.signatureValid());
    }

    @Test
    void acceptingThroughRestAssignsTheTaskAndMovesTheWorkerToBusy() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        String reservationSid = pendingReservation(taskSid);

        answerReservation(taskSid, reservationSid, Map.of("ReservationStatus", "accepted")).then().statusCode(200)
                .body("reservation_status", equalTo("accepted"))
                .body("worker_sid", equalTo(ALICE))
                .body("worker_name", equalTo("Alice"));

        assertEquals("assigned", taskStatus(taskSid));
        assertEquals(BUSY, activityOf(ALICE));
        api().get(path("Workers/" + ALICE + "/Reservations/" + reservationSid)).then().statusCode(200)
                .body("reservation_status", equalTo("accepted"));
    }

    @Test
    void acceptingThroughTheWorkersViewOfTheReservationWorksToo() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        String reservationSid = pendingReservation(taskSid);

        post("Workers/" + ALICE + "/Reservations/" + reservationSid, Map.of("ReservationStatus", "accepted"))
                .then().statusCode(200)
                .body("reservation_status", equalTo("accepted"))
                .body("url", containsString("/Workers/" + ALICE + "/Reservations/" + reservationSid));

        assertEquals("assigned", taskStatus(taskSid));
        api().queryParam("ReservationStatus", "accepted").get(path("Workers/" + ALICE + "/Reservations")).then()
                .statusCode(200).body("reservations.sid", org.hamcrest.Matchers.contains(reservationSid));
    }

    @Test
    void acceptingAReservationThatIsNoLongerPendingIs400SayingSo() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        String reservationSid = pendingReservation(taskSid);
        answerReservation(taskSid, reservationSid, Map.of("ReservationStatus", "accepted")).then().statusCode(200);

        answerReservation(taskSid, reservationSid, Map.of("ReservationStatus", "accepted")).then().statusCode(400)
                .body("code", equalTo(20001))
                .body("message", equalTo("Reservation " + reservationSid + " is not pending: it is accepted"));
    }

    @Test
    void callbackAnsweringAcceptAssignsTheTask() {
        TestCallbacks.answerWith(200, "{\"instruction\":\"accept\"}");

        String taskSid = createTask("{\"selected_language\":\"es\"}");

        await().atMost(CALLBACK_WAIT).until(() -> taskStatus(taskSid), equalTo("assigned"));
        assertEquals(BUSY, activityOf(ALICE));
    }

    @Test
    void callbackAnsweringDequeueCountsAsAccept() {
        TestCallbacks.answerWith(200, "{\"instruction\":\"dequeue\",\"from\":\"+15005550006\"}");

        String taskSid = createTask("{\"selected_language\":\"es\"}");

        await().atMost(CALLBACK_WAIT).until(() -> taskStatus(taskSid), equalTo("assigned"));
    }

    @Test
    void rejectingThroughRestOffersTheTaskToTheNextWorker() {
        String taskSid = createTask("{\"selected_language\":\"en\"}");
        assertEquals(ALICE, pendingWorker(taskSid), "Alice has been idle longest");

        answerReservation(taskSid, pendingReservation(taskSid), Map.of("ReservationStatus", "rejected"))
                .then().statusCode(200).body("reservation_status", equalTo("rejected"));

        assertEquals(BOB, pendingWorker(taskSid));
        assertEquals("reserved", taskStatus(taskSid));
        assertEquals(IDLE, activityOf(ALICE), "back to the Activity she had before the Reservation");
        assertEquals(RESERVED, activityOf(BOB));
    }

    @Test
    void callbackAnsweringRejectWithAnActivityMovesTheWorkerThereAndTriesTheNextWorker() {
        TestCallbacks.answerWith(200, "{\"instruction\":\"reject\",\"activity_sid\":\"" + OFFLINE + "\"}");

        String taskSid = createTask("{\"selected_language\":\"en\"}");

        await().atMost(CALLBACK_WAIT).until(() -> TestCallbacks.assignments(taskSid).size() == 2
                && "pending".equals(taskStatus(taskSid)) && OFFLINE.equals(activityOf(BOB)));
        assertEquals(OFFLINE, activityOf(ALICE));
        List<String> offeredTo = TestCallbacks.assignments(taskSid).stream().map(c -> c.get("WorkerSid")).toList();
        assertEquals(List.of(ALICE, BOB), offeredTo);
        api().queryParam("ReservationStatus", "rejected").get(path("Tasks/" + taskSid + "/Reservations"))
                .then().statusCode(200).body("reservations.size()", equalTo(2));
    }

    @Test
    void failingCallbackWithoutFallbackLeavesTheReservationPending() {
        TestCallbacks.answerWith(500, "oops");

        String taskSid = createTask("{\"selected_language\":\"es\"}");

        await().atMost(CALLBACK_WAIT).until(() -> TestCallbacks.assignments(taskSid).size() == 1);
        assertEquals("reserved", taskStatus(taskSid));
        assertEquals(ALICE, pendingWorker(taskSid));
    }

    @Test
    void failingCallbackIsRetriedAtTheFallbackUrlWhoseAnswerIsObeyed() {
        TestCallbacks.answerWith(200, "this is not JSON");
        post("Workflows/" + WORKFLOW, Map.of("FallbackAssignmentCallbackUrl", SimulatorTestProfile.FALLBACK_URL))
                .then().statusCode(200).body("fallback_assignment_callback_url", equalTo(SimulatorTestProfile.FALLBACK_URL));

        String taskSid = createTask("{\"selected_language\":\"es\"}");

        await().atMost(CALLBACK_WAIT).until(() -> taskStatus(taskSid), equalTo("assigned"));
        List<ReceivedCallback> fallback = TestCallbacks.received("fallback", c -> taskSid.equals(c.get("TaskSid")));
        assertEquals(1, fallback.size());
        assertTrue(fallback.get(0).signatureValid(), "signed over the fallback URL");
    }

    @Test
    void workerGoingOfflineKeepsItsPendingReservationUnlessAskedToRejectIt() {
        String taskSid = createTask("{\"selected_language\":\"en\"}");
        String aliceReservation = pendingReservation(taskSid);

        setActivity(ALICE, OFFLINE);
        assertEquals(aliceReservation, pendingReservation(taskSid), "TaskRouter keeps it");

        post("Workers/" + ALICE, Map.of("ActivitySid", OFFLINE, "RejectPendingReservations", "true")).then().statusCode(200)
                .body("activity_sid", equalTo(OFFLINE)).body("available", equalTo(false));
        api().get(path("Tasks/" + taskSid + "/Reservations/" + aliceReservation)).then()
                .body("reservation_status", equalTo("rejected"));
        assertEquals(BOB, pendingWorker(taskSid));
    }

    @Test
    void offlineWorkerGetsNoTaskUntilItGoesIdle() {
        setActivity(ALICE, OFFLINE);

        String taskSid = createTask("{\"selected_language\":\"es\"}");
        assertEquals("pending", taskStatus(taskSid), "Bob does not speak Spanish, Alice is offline");

        setActivity(ALICE, IDLE);
        assertEquals("reserved", taskStatus(taskSid));
        assertEquals(ALICE, pendingWorker(taskSid));
    }

    @Test
    void workerHoldingAnAssignedTaskGetsNoNewReservationUntilTheTaskIsCompleted() {
        setActivity(BOB, OFFLINE);
        String first = createTask("{\"selected_language\":\"en\"}");
        answerReservation(first, pendingReservation(first), Map.of("ReservationStatus", "accepted")).then().statusCode(200);
        setActivity(ALICE, IDLE);

        String second = createTask("{\"selected_language\":\"en\"}");
        assertEquals("pending", taskStatus(second), "Alice is available but her capacity is used");

        updateTask(first, Map.of("AssignmentStatus", "completed", "Reason", "call ended")).then().statusCode(200)
                .body("assignment_status", equalTo("completed"))
                .body("reason", equalTo("call ended"));
        assertEquals("reserved", taskStatus(second), "reserved at once when her capacity is freed");
        assertEquals(ALICE, pendingWorker(second));
    }

    @Test
    void completingTwiceIs400SayingTheTaskCannotBeCompleted() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        answerReservation(taskSid, pendingReservation(taskSid), Map.of("ReservationStatus", "accepted")).then().statusCode(200);
        updateTask(taskSid, Map.of("AssignmentStatus", "completed")).then().statusCode(200);

        updateTask(taskSid, Map.of("AssignmentStatus", "completed")).then().statusCode(400)
                .body("code", equalTo(20001))
                .body("message", containsString("cannot be completed"))
                .body("message", containsString("completed"));
        updateTask(taskSid, Map.of("AssignmentStatus", "canceled")).then().statusCode(400)
                .body("message", containsString("cannot be canceled"));
    }

    @Test
    void cancelingAReservedTaskCancelsItsReservationAndFreesTheWorker() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        String reservationSid = pendingReservation(taskSid);

        updateTask(taskSid, Map.of("AssignmentStatus", "canceled", "Reason", "caller hung up")).then().statusCode(200)
                .body("assignment_status", equalTo("canceled"))
                .body("reason", equalTo("caller hung up"));

        api().get(path("Tasks/" + taskSid + "/Reservations/" + reservationSid)).then()
                .body("reservation_status", equalTo("canceled"));
        assertEquals(IDLE, activityOf(ALICE));
        answerReservation(taskSid, reservationSid, Map.of("ReservationStatus", "accepted")).then().statusCode(400)
                .body("message", containsString("not pending"));
    }

    @Test
    void cancelingAPendingTaskNeedsNoReservation() {
        setActivity(ALICE, OFFLINE);
        String taskSid = createTask("{\"selected_language\":\"es\"}");

        updateTask(taskSid, Map.of("AssignmentStatus", "canceled")).then().statusCode(200)
                .body("assignment_status", equalTo("canceled"));
        setActivity(ALICE, IDLE);
        assertEquals("canceled", taskStatus(taskSid));
    }

    @Test
    void assignedTaskWrapsUpThenCompletes() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        String reservationSid = pendingReservation(taskSid);
        answerReservation(taskSid, reservationSid, Map.of("ReservationStatus", "accepted", "WorkerActivitySid", BUSY))
                .then().statusCode(200);

        updateTask(taskSid, Map.of("AssignmentStatus", "wrapping")).then().statusCode(200)
                .body("assignment_status", equalTo("wrapping"));
        api().get(path("Tasks/" + taskSid + "/Reservations/" + reservationSid)).then()
                .body("reservation_status", equalTo("wrapping"));
        setActivity(ALICE, WRAP_UP);

        updateTask(taskSid, Map.of("AssignmentStatus", "completed", "Reason", "done")).then().statusCode(200)
                .body("assignment_status", equalTo("completed"));
        api().get(path("Tasks/" + taskSid + "/Reservations/" + reservationSid)).then()
                .body("reservation_status", equalTo("completed"));
    }

    @Test
    void eventsArePostedSignedAndInOrder() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        answerReservation(taskSid, pendingReservation(taskSid), Map.of("ReservationStatus", "accepted")).then().statusCode(200);
        updateTask(taskSid, Map.of("AssignmentStatus", "wrapping")).then().statusCode(200);
        updateTask(taskSid, Map.of("AssignmentStatus", "completed")).then().statusCode(200);

        List<String> expected = List.of("task.created", "task-queue.entered", "reservation.created",
                "reservation.accepted", "task.assigned", "task.wrapup", "reservation.completed", "task.completed");
        await().atMost(CALLBACK_WAIT).until(() -> TestCallbacks.received("events", c -> taskSid.equals(c.get("TaskSid")))
                .stream().map(c -> c.get("EventType")).toList(), equalTo(expected));

        List<ReceivedCallback> events = TestCallbacks.received("events", c -> true);
        assertTrue(events.stream().allMatch(ReceivedCallback::signatureValid), "every event is signed");
        ReceivedCallback accepted = TestCallbacks.events("reservation.accepted", taskSid).get(0);
        assertEquals("Reservation", accepted.get("ResourceType"));
        assertEquals(accepted.get("ReservationSid"), accepted.get("ResourceSid"));
        assertTrue(accepted.get("Sid").matches("EV[0-9a-f]{32}"));
        assertEquals(WORKSPACE, accepted.get("WorkspaceSid"));
        assertEquals(ALICE, accepted.get("WorkerSid"));
        assertEquals("assigned", accepted.get("TaskAssignmentStatus"));
        assertEquals(SPANISH, accepted.get("TaskQueueSid"));

        Map<String, String> activityUpdates = new LinkedHashMap<>();
        TestCallbacks.received("events", c -> "worker.activity.update".equals(c.get("EventType")) && ALICE.equals(c.get("WorkerSid")))
                .forEach(c -> activityUpdates.put(c.get("WorkerPreviousActivityName"), c.get("WorkerActivityName")));
        assertEquals(Map.of("Idle", "Reserved", "Reserved", "Busy"), activityUpdates);
    }

    @Test
    void deletingAReservedTaskCancelsItsReservation() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");

        api().delete(path("Tasks/" + taskSid)).then().statusCode(204);

        api().get(path("Tasks/" + taskSid)).then().statusCode(404);
        assertEquals(IDLE, activityOf(ALICE));
    }
}
