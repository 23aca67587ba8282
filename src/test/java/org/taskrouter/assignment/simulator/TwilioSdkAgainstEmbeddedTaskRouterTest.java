package org.taskrouter.assignment.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.simulator.TaskRouterApi.ALICE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.WORKFLOW;
import static org.taskrouter.assignment.simulator.TaskRouterApi.WORKSPACE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.LocalTwilioHttpClient;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Twilio's own SDK, twilio-java, pointed at the embedded TaskRouter: a developer who knows TaskRouter should be
 * able to drive the simulator with the client they already use, without reading the simulator's source. Only
 * the host is swapped (see {@link LocalTwilioHttpClient}); paths, forms, auth and JSON parsing are twilio-java's.
 */
@QuarkusTest
@TestProfile(SimulatorTestProfile.class)
class TwilioSdkAgainstEmbeddedTaskRouterTest {

    private static final Duration RESERVATION_WAIT = Duration.ofSeconds(10);

    @Inject
    TaskRouterSimulator simulator;

    private TwilioRestClient twilio;

    @BeforeEach
    void freshWorkspaceAndClient() {
        simulator.reset();
        TestCallbacks.reset();
        // A client of its own rather than Twilio.init: that is static state any other test could see or change.
        twilio = new TwilioRestClient.Builder(SimulatorTestProfile.ACCOUNT_SID, SimulatorTestProfile.AUTH_TOKEN)
                .httpClient(new LocalTwilioHttpClient(RestAssured.port))
                .build();
    }

    @Test
    void spanishTaskCreatedWithTheSdkIsReservedForAlice() {
        Task task = createSpanishTask();

        assertTrue(task.getSid().startsWith("WT"), task.getSid());
        assertEquals(WORKSPACE, task.getWorkspaceSid());
        assertEquals("{\"selected_language\":\"es\"}", task.getAttributes());
        Reservation reservation = awaitPendingReservation(task.getSid());
        assertEquals(ALICE, reservation.getWorkerSid());
        assertEquals("Alice", reservation.getWorkerName());
    }

    @Test
    void acceptingTheReservationWithTheSdkAssignsTheTask() {
        String taskSid = createSpanishTask().getSid();
        Reservation pending = awaitPendingReservation(taskSid);

        Reservation accepted = Reservation.updater(WORKSPACE, taskSid, pending.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED)
                .update(twilio);

        assertEquals(Reservation.Status.ACCEPTED, accepted.getReservationStatus());
        assertEquals(ALICE, accepted.getWorkerSid());
        assertEquals(Task.Status.ASSIGNED, Task.fetcher(WORKSPACE, taskSid).fetch(twilio).getAssignmentStatus());
    }

    @Test
    void acceptingTheSameReservationTwiceIsAnApiExceptionWith400SayingItIsNotPending() {
        String taskSid = createSpanishTask().getSid();
        String reservationSid = awaitPendingReservation(taskSid).getSid();
        Reservation.updater(WORKSPACE, taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.ACCEPTED)
                .update(twilio);

        ApiException refused = assertThrows(ApiException.class, () -> Reservation
                .updater(WORKSPACE, taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.ACCEPTED)
                .update(twilio));

        assertEquals(400, refused.getStatusCode());
        assertEquals(20001, refused.getCode());
        assertEquals("Reservation " + reservationSid + " is not pending: it is accepted", refused.getMessage());
    }

    private Task createSpanishTask() {
        return Task.creator(WORKSPACE)
                .setAttributes("{\"selected_language\":\"es\"}")
                .setWorkflowSid(WORKFLOW)
                .create(twilio);
    }

    /** Polls as an SDK user must: TaskRouter makes the Reservation after answering the Task's creation. */
    private Reservation awaitPendingReservation(String taskSid) {
        return await().atMost(RESERVATION_WAIT).until(() -> pendingReservations(taskSid), list -> list.size() == 1)
                .get(0);
    }

    private List<Reservation> pendingReservations(String taskSid) {
        List<Reservation> pending = new ArrayList<>();
        Reservation.reader(WORKSPACE, taskSid)
                .setReservationStatus(Reservation.Status.PENDING)
                .read(twilio)
                .forEach(pending::add);
        return pending;
    }
}
