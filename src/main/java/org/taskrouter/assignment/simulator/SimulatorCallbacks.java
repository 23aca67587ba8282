package org.taskrouter.assignment.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * What TaskRouter's callbacks carry: the parameters of an assignment callback, which {@link TaskRouterSimulator}
 * posts once the lock is released, and the Workspace events, logged for {@code GET /Events} and queued for
 * delivery under the lock so that they go out in the order things happened.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class SimulatorCallbacks {

    private final SimulatorCredentials credentials;
    private final CallbackDelivery delivery;

    @Inject
    SimulatorCallbacks(SimulatorCredentials credentials, CallbackDelivery delivery) {
        this.credentials = credentials;
        this.delivery = delivery;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Assignment callbacks
    // ---------------------------------------------------------------------------------------------------------

    Map<String, String> assignmentParams(WorkspaceState ws, ReservationState reservation, Instant now) {
        TaskState task = reservation.task;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", credentials.accountSid());
        params.put("WorkspaceSid", ws.sid);
        params.put("WorkflowSid", task.workflow.sid);
        params.put("TaskQueueSid", task.queue.sid);
        params.put("WorkerSid", reservation.worker.sid);
        params.put("WorkerAttributes", reservation.worker.attributesText);
        params.put("TaskSid", task.sid);
        params.put("TaskAttributes", task.attributesText);
        params.put("TaskAge", String.valueOf(Representations.age(task, now)));
        params.put("TaskPriority", String.valueOf(task.priority));
        params.put("ReservationSid", reservation.sid);
        params.put("Timestamp", String.valueOf(now.getEpochSecond()));
        return params;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------------------

    void reservationEvent(WorkspaceState ws, String type, ReservationState reservation, String description,
            Outbox out) {
        if (ws.eventCallbackUrl == null) {
            return;
        }
        Map<String, String> event = eventBase(ws, type, "Reservation", reservation.sid, description, out);
        taskFields(event, reservation.task, out.now);
        workerFields(event, reservation.worker);
        event.put("ReservationSid", reservation.sid);
        event.put("TaskQueueSid", reservation.queue.sid);
        event.put("TaskQueueName", reservation.queue.friendlyName);
        emit(ws, event);
    }

    void taskEvent(WorkspaceState ws, String type, TaskState task, String description, Outbox out) {
        if (ws.eventCallbackUrl == null) {
            return;
        }
        Map<String, String> event = eventBase(ws, type, "Task", task.sid, description, out);
        taskFields(event, task, out.now);
        ReservationState accepted = LifecycleEngine.acceptedReservation(task);
        if (accepted == null && task.status == TaskAssignmentStatus.COMPLETED) {
            accepted = task.reservations.stream().filter(r -> r.status == ReservationStatus.COMPLETED)
                    .findFirst().orElse(null);
        }
        if (accepted != null) {
            event.put("ReservationSid", accepted.sid);
            workerFields(event, accepted.worker);
        }
        emit(ws, event);
    }

    /** {@code worker.activity.update}: the Worker moved from {@code before}, where it spent {@code inBefore}. */
    void workerActivityEvent(WorkspaceState ws, WorkerState worker, ActivityState activity, ActivityState before,
            Duration inBefore, Outbox out) {
        if (ws.eventCallbackUrl != null) {
            Map<String, String> event = eventBase(ws, "worker.activity.update", "Worker", worker.sid,
                    "Worker " + worker.friendlyName + " updated to " + activity.friendlyName + " Activity", out);
            workerFields(event, worker);
            event.put("WorkerPreviousActivitySid", before.sid);
            event.put("WorkerPreviousActivityName", before.friendlyName);
            event.put("WorkerTimeInPreviousActivity", String.valueOf(inBefore.getSeconds()));
            event.put("WorkerTimeInPreviousActivityMs", String.valueOf(inBefore.toMillis()));
            emit(ws, event);
        }
    }

    /** TaskRouter keeps every event in its log ({@code GET /Events}) and posts it to the Event Callback URL. */
    private void emit(WorkspaceState ws, Map<String, String> event) {
        ws.log(new LinkedHashMap<>(event));
        delivery.enqueueEvent(ws.eventCallbackUrl, event);
    }

    private Map<String, String> eventBase(WorkspaceState ws, String type, String resourceType, String resourceSid,
            String description, Outbox out) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("EventType", type);
        event.put("Sid", SidGenerator.random("EV"));
        event.put("AccountSid", credentials.accountSid());
        event.put("WorkspaceSid", ws.sid);
        event.put("WorkspaceName", ws.friendlyName);
        event.put("ResourceType", resourceType);
        event.put("ResourceSid", resourceSid);
        event.put("EventDescription", description);
        event.put("Timestamp", String.valueOf(out.now.getEpochSecond()));
        event.put("TimestampMs", String.valueOf(out.now.toEpochMilli()));
        return event;
    }

    private static void taskFields(Map<String, String> event, TaskState task, Instant now) {
        event.put("TaskSid", task.sid);
        event.put("TaskAttributes", task.attributesText);
        event.put("TaskAssignmentStatus", task.status.wire());
        event.put("TaskAge", String.valueOf(Representations.age(task, now)));
        event.put("TaskPriority", String.valueOf(task.priority));
        event.put("TaskChannelUniqueName", task.taskChannel);
        event.put("WorkflowSid", task.workflow.sid);
        event.put("WorkflowName", task.workflow.friendlyName);
        if (task.queue != null) {
            event.put("TaskQueueSid", task.queue.sid);
            event.put("TaskQueueName", task.queue.friendlyName);
        }
        if (task.reason != null && task.status == TaskAssignmentStatus.CANCELED) {
            event.put("TaskCanceledReason", task.reason);
        }
        if (task.reason != null && task.status == TaskAssignmentStatus.COMPLETED) {
            event.put("TaskCompletedReason", task.reason);
        }
    }

    private static void workerFields(Map<String, String> event, WorkerState worker) {
        event.put("WorkerSid", worker.sid);
        event.put("WorkerName", worker.friendlyName);
        event.put("WorkerActivitySid", worker.activity.sid);
        event.put("WorkerActivityName", worker.activity.friendlyName);
        event.put("WorkerAttributes", worker.attributesText);
    }
}
