package org.taskrouter.assignment.simulator;

import static org.taskrouter.assignment.simulator.SimulatorLookups.checkIfMatch;
import static org.taskrouter.assignment.simulator.SimulatorLookups.found;
import static org.taskrouter.assignment.simulator.SimulatorLookups.reservationStatusFilter;
import static org.taskrouter.assignment.simulator.SimulatorLookups.taskReservation;
import static org.taskrouter.assignment.simulator.SimulatorLookups.workerReservation;
import static org.taskrouter.assignment.simulator.SimulatorLookups.workflowFor;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Task and Reservation resources of {@link TaskRouterSimulator}: creating, reading, updating and deleting
 * Tasks, and reading and answering their Reservations. Each method is the body of one REST operation and runs
 * under the simulator's lock, which {@link TaskRouterSimulator} takes; the state changes themselves are the
 * {@link LifecycleEngine}'s.
 */
final class TaskOperations {

    private static final int MAX_TASK_TIMEOUT = 1_209_600;
    private static final int DEFAULT_TASK_TIMEOUT = 86_400;

    private final SimulatorCredentials credentials;
    private final LifecycleEngine lifecycle;
    private final SimulatorCallbacks callbacks;

    TaskOperations(SimulatorCredentials credentials, LifecycleEngine lifecycle, SimulatorCallbacks callbacks) {
        this.credentials = credentials;
        this.lifecycle = lifecycle;
        this.callbacks = callbacks;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tasks
    // ---------------------------------------------------------------------------------------------------------

    /** Creates a Task and routes it at once; it is canceled when its Timeout passes while it waits. */
    ResourceJson.VersionedTask createTask(String base, WorkspaceState ws, Params form, Outbox out) {
        JsonNode attributes = form.jsonObject("Attributes");
        String attributesText = attributes == null ? "{}" : form.string("Attributes");
        if (attributes == null) {
            attributes = Params.parseObject("Attributes", attributesText);
        }
        WorkflowState workflow = workflowFor(ws, form.string("WorkflowSid"));
        boolean priorityGiven = form.has("Priority") && !form.string("Priority").isBlank();
        int priority = form.integer("Priority", 0, Integer.MAX_VALUE, 0);
        int timeout = form.integer("Timeout", 1, MAX_TASK_TIMEOUT, DEFAULT_TASK_TIMEOUT);
        String channel = form.string("TaskChannel");
        TaskState task = new TaskState(SidGenerator.random("WT"), ws.next(), workflow,
                channel == null || channel.isBlank() ? "default" : channel, timeout, attributesText, attributes,
                priority, out.now);
        ws.tasks.put(task.sid, task);
        callbacks.taskEvent(ws, "task.created", task, "Task " + task.sid + " created", out);
        lifecycle.route(ws, task, !priorityGiven, out);
        lifecycle.startTtl(ws, task, timeout);
        lifecycle.dispatch(ws, out);
        return versioned(base, ws, task, out.now);
    }

    ResourceJson.VersionedTask fetchTask(String base, WorkspaceState ws, String sid, Instant now) {
        return versioned(base, ws, found(ws, ws.tasks, "Tasks", sid), now);
    }

    ResourceJson.Page<ResourceJson.Task> listTasks(String base, WorkspaceState ws, Params query, Instant now) {
        Set<TaskAssignmentStatus> statuses = query.all("AssignmentStatus").stream().map(text -> {
            TaskAssignmentStatus status = TaskAssignmentStatus.fromWire(text);
            if (status == null) {
                throw TwilioApiException.badRequest("Invalid AssignmentStatus: " + text + " is not one of "
                        + "pending, reserved, assigned, canceled, completed, wrapping");
            }
            return status;
        }).collect(Collectors.toSet());
        String workflowSid = query.string("WorkflowSid");
        String queueSid = query.string("TaskQueueSid");
        String priorityText = query.string("Priority");
        Integer priority = priorityText == null ? null : query.integer("Priority", 0, Integer.MAX_VALUE, 0);
        List<TaskState> matching = ws.tasks.values().stream()
                .filter(t -> statuses.isEmpty() || statuses.contains(t.status))
                .filter(t -> workflowSid == null || t.workflow.sid.equals(workflowSid))
                .filter(t -> queueSid == null || (t.queue != null && t.queue.sid.equals(queueSid)))
                .filter(t -> priority == null || t.priority == priority)
                .toList();
        Representations views = views(base, ws);
        return Paging.page(matching, t -> t.seq, t -> views.task(t, now), query, views.collectionUrl("Tasks"), "tasks");
    }

    ResourceJson.VersionedTask updateTask(String base, WorkspaceState ws, String sid, String ifMatch, Params form,
            Outbox out) {
        TaskState task = found(ws, ws.tasks, "Tasks", sid);
        checkIfMatch(task, ifMatch);
        String statusText = form.string("AssignmentStatus");
        TaskAssignmentStatus status = null;
        if (statusText != null && !statusText.isBlank()) {
            status = TaskAssignmentStatus.fromWire(statusText);
            if (status == null) {
                throw TwilioApiException.badRequest("Invalid AssignmentStatus: " + statusText
                        + " is not one of pending, reserved, assigned, canceled, completed, wrapping");
            }
            if (status != TaskAssignmentStatus.CANCELED && status != TaskAssignmentStatus.WRAPPING && status != TaskAssignmentStatus.COMPLETED) {
                throw TwilioApiException.badRequest("Task " + task.sid + " cannot be set to " + statusText
                        + ": only canceled, wrapping and completed can be set");
            }
        }
        JsonNode attributes = form.jsonObject("Attributes");
        boolean priorityGiven = form.has("Priority") && !form.string("Priority").isBlank();
        int priority = form.integer("Priority", 0, Integer.MAX_VALUE, task.priority);
        String reason = form.string("Reason");
        if (status == null && task.finished() && (attributes != null || priorityGiven)) {
            throw TwilioApiException.badRequest("Task " + task.sid + " cannot be updated: it is " + task.status.wire());
        }
        if (status != null) {
            LifecycleEngine.checkTransition(task, status);
        }
        if (attributes != null) {
            task.attributesText = form.string("Attributes");
            task.attributes = attributes;
            task.touch(out.now);
            if (task.status == TaskAssignmentStatus.PENDING) {
                // TaskRouter re-evaluates the Workflow when a waiting Task's attributes change.
                lifecycle.route(ws, task, !priorityGiven, out);
            }
        }
        if (priorityGiven && priority != task.priority) {
            task.priority = priority;
            task.touch(out.now);
        }
        if (status == TaskAssignmentStatus.CANCELED) {
            lifecycle.cancelTask(ws, task, reason, out);
        } else if (status == TaskAssignmentStatus.WRAPPING) {
            lifecycle.wrapUpTask(ws, task, reason, out);
        } else if (status == TaskAssignmentStatus.COMPLETED) {
            lifecycle.completeTask(ws, task, reason, out);
        } else if (reason != null) {
            task.reason = reason;
            task.touch(out.now);
        }
        lifecycle.dispatch(ws, out);
        return versioned(base, ws, task, out.now);
    }

    void deleteTask(WorkspaceState ws, String sid, String ifMatch, Outbox out) {
        TaskState task = found(ws, ws.tasks, "Tasks", sid);
        checkIfMatch(task, ifMatch);
        for (ReservationState reservation : task.reservations) {
            if (reservation.status == ReservationStatus.PENDING) {
                reservation.status = ReservationStatus.CANCELED;
                lifecycle.endUnaccepted(ws, reservation, null, true, out);
                callbacks.reservationEvent(ws, "reservation.canceled", reservation, "Reservation canceled: its Task was deleted", out);
            }
            if (reservation.worker.holding == task) {
                lifecycle.freeCapacity(ws, reservation.worker);
            }
            ws.reservations.remove(reservation.sid);
        }
        lifecycle.cancelTimers(task);
        ws.tasks.remove(task.sid);
        callbacks.taskEvent(ws, "task.deleted", task, "Task " + task.sid + " deleted", out);
        lifecycle.dispatch(ws, out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reservations
    // ---------------------------------------------------------------------------------------------------------

    ResourceJson.Page<ResourceJson.Reservation> listTaskReservations(String base, WorkspaceState ws, String taskSid,
            Params query) {
        TaskState task = found(ws, ws.tasks, "Tasks", taskSid);
        ReservationStatus status = reservationStatusFilter(query);
        String workerSid = query.string("WorkerSid");
        List<ReservationState> matching = task.reservations.stream()
                .filter(r -> status == null || r.status == status)
                .filter(r -> workerSid == null || r.worker.sid.equals(workerSid))
                .toList();
        Representations views = views(base, ws);
        return Paging.page(matching, r -> r.seq, views::taskReservation, query,
                views.collectionUrl("Tasks/" + task.sid + "/Reservations"), "reservations");
    }

    ResourceJson.Page<ResourceJson.Reservation> listWorkerReservations(String base, WorkspaceState ws,
            String workerSid, Params query) {
        WorkerState worker = found(ws, ws.workers, "Workers", workerSid);
        ReservationStatus status = reservationStatusFilter(query);
        List<ReservationState> matching = ws.reservations.values().stream()
                .filter(r -> r.worker == worker)
                .filter(r -> status == null || r.status == status)
                .toList();
        Representations views = views(base, ws);
        return Paging.page(matching, r -> r.seq, views::workerReservation, query,
                views.collectionUrl("Workers/" + worker.sid + "/Reservations"), "reservations");
    }

    ResourceJson.Reservation fetchTaskReservation(String base, WorkspaceState ws, String taskSid, String sid) {
        return views(base, ws).taskReservation(taskReservation(ws, taskSid, sid));
    }

    ResourceJson.Reservation fetchWorkerReservation(String base, WorkspaceState ws, String workerSid, String sid) {
        return views(base, ws).workerReservation(workerReservation(ws, workerSid, sid));
    }

    ResourceJson.Reservation updateTaskReservation(String base, WorkspaceState ws, String taskSid, String sid,
            Params form, Outbox out) {
        ReservationState reservation = taskReservation(ws, taskSid, sid);
        lifecycle.answerReservation(ws, reservation, form, out);
        return views(base, ws).taskReservation(reservation);
    }

    ResourceJson.Reservation updateWorkerReservation(String base, WorkspaceState ws, String workerSid, String sid,
            Params form, Outbox out) {
        ReservationState reservation = workerReservation(ws, workerSid, sid);
        lifecycle.answerReservation(ws, reservation, form, out);
        return views(base, ws).workerReservation(reservation);
    }

    private Representations views(String base, WorkspaceState ws) {
        return new Representations(base, credentials.accountSid(), ws);
    }

    private ResourceJson.VersionedTask versioned(String base, WorkspaceState ws, TaskState task, Instant now) {
        return new ResourceJson.VersionedTask(views(base, ws).task(task, now), Representations.etag(task));
    }
}
