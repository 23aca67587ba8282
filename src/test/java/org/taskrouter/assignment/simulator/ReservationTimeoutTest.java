package org.taskrouter.assignment.simulator;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.taskrouter.assignment.simulator.TaskRouterApi.ALICE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.BOB;
import static org.taskrouter.assignment.simulator.TaskRouterApi.OFFLINE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.WORKFLOW;
import static org.taskrouter.assignment.simulator.TaskRouterApi.activityOf;
import static org.taskrouter.assignment.simulator.TaskRouterApi.api;
import static org.taskrouter.assignment.simulator.TaskRouterApi.createTask;
import static org.taskrouter.assignment.simulator.TaskRouterApi.path;
import static org.taskrouter.assignment.simulator.TaskRouterApi.pendingReservation;
import static org.taskrouter.assignment.simulator.TaskRouterApi.pendingWorker;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Reservations nobody answers time out after {@code simulator.reservation-timeout}, here one second. */
@QuarkusTest
@TestProfile(ShortReservationTimeoutProfile.class)
class ReservationTimeoutTest {

    @Inject
    TaskRouterSimulator simulator;

    @BeforeEach
    void freshWorkspace() {
        simulator.reset();
        TestCallbacks.reset();
    }

    @Test
    void unansweredReservationTimesOutMovesTheWorkerOfflineAndOffersTheTaskToTheNextWorker() {
        api().get(path("Workflows/" + WORKFLOW)).then().body("task_reservation_timeout", equalTo(1));
        String taskSid = createTask("{\"selected_language\":\"en\"}");
        String aliceReservation = pendingReservation(taskSid);
        assertEquals(ALICE, pendingWorker(taskSid));

        // Bob's Reservation times out a second later too, so look for it in any state.
        await().atMost(Duration.ofSeconds(10)).until(() -> api().get(path("Tasks/" + taskSid + "/Reservations"))
                .then().extract().<List<String>>path("reservations.worker_sid"), hasItem(BOB));

        api().get(path("Tasks/" + taskSid + "/Reservations/" + aliceReservation)).then()
                .body("reservation_status", equalTo("timeout"));
        assertEquals(OFFLINE, activityOf(ALICE), "the Workspace's timeout Activity");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestCallbacks.events("reservation.timeout", taskSid).size() == 1);
    }

    @Test
    void timedOutTaskWithNoOtherWorkerWaitsPending() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> OFFLINE.equals(activityOf(ALICE)));

        api().get(path("Tasks/" + taskSid)).then().body("assignment_status", equalTo("pending"));
    }
}
