package org.taskrouter.assignment.simulator;

import static org.taskrouter.assignment.simulator.SimulatorLookups.checkIfMatch;
import static org.taskrouter.assignment.simulator.SimulatorLookups.found;
import static org.taskrouter.assignment.simulator.SimulatorLookups.optionalActivity;
import static org.taskrouter.assignment.simulator.SimulatorLookups.reservationStatusFilter;
import static org.taskrouter.assignment.simulator.SimulatorLookups.taskReservation;
import static org.taskrouter.assignment.simulator.SimulatorLookups.workerReservation;
import static org.taskrouter.assignment.simulator.SimulatorLookups.workflowFor;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The Task and Reservation resources: creating, reading, updating and deleting Tasks, and reading and answering
 * their Reservations. Each method is the body of one REST operation, run under the Workspace's lock by
 * {@link TaskRouterSimulator}: it reads the request's parameters the way TaskRouter does and leaves the state
 * changes themselves to the {@link LifecycleEngine}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class TaskOperations {

    private static final int MAX_TASK_TIMEOUT = 1_209_600;
    private static final int DEFAULT_TASK_TIMEOUT = 86_400;

    private final LifecycleEngine lifecycle;
    private final SimulatorCallbacks callbacks;

    @Inject
    TaskOperations(LifecycleEngine lifecycle, SimulatorCallbacks callbacks) {
        this.lifecycle = lifecycle;
        this.callbacks = callbacks;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tasks
    // ---------------------------------------------------------------------------------------------------------

    /** Creates a Task and routes it at once; it is canceled when its Timeout passes while it waits. */
    ResourceJson.VersionedTask createTask(WorkspaceRequest request, Params form, Outbox out) {
        WorkspaceState ws = request.workspace();
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
        return versioned(request, task);
    }

    ResourceJson.VersionedTask fetchTask(WorkspaceRequest request, String sid) {
        WorkspaceState ws = request.workspace();
        return versioned(request, found(ws, ws.tasks, "Tasks", sid));
    }

    /** AssignmentStatus (repeated or comma-separated), WorkflowSid, TaskQueueSid and Priority narrow the list. */
    ResourceJson.Page<ResourceJson.Task> listTasks(WorkspaceRequest request, Params query) {
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
        List<TaskState> matching = request.workspace().tasks.values().stream()
                .filter(t -> statuses.isEmpty() || statuses.contains(t.status))
                .filter(t -> workflowSid == null || t.workflow.sid.equals(workflowSid))
                .filter(t -> queueSid == null || (t.queue != null && t.queue.sid.equals(queueSid)))
                .filter(t -> priority == null || t.priority == priority)
                .toList();
        Representations views = request.views();
        return Paging.page(matching, t -> t.seq, t -> views.task(t, request.now()), query,
                views.collectionUrl("Tasks"), "tasks");
    }

    /**
     * AssignmentStatus (canceled, wrapping or completed), Reason, Attributes, Priority; checked against
     * {@code If-Match} when given.
     */
    ResourceJson.VersionedTask updateTask(WorkspaceRequest request, String sid, String ifMatch, Params form,
            Outbox out) {
        WorkspaceState ws = request.workspace();
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
            if (status != TaskAssignmentStatus.CANCELED && status != TaskAssignmentStatus.WRAPPING
                    && status != TaskAssignmentStatus.COMPLETED) {
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
        return versioned(request, task);
    }

    /** A pending Reservation is canceled and the Worker's capacity freed. */
    void deleteTask(WorkspaceRequest request, String sid, String ifMatch, Outbox out) {
        WorkspaceState ws = request.workspace();
        TaskState task = found(ws, ws.tasks, "Tasks", sid);
        checkIfMatch(task, ifMatch);
        for (ReservationState reservation : task.reservations) {
            if (reservation.status == ReservationStatus.PENDING) {
                reservation.status = ReservationStatus.CANCELED;
                lifecycle.endUnaccepted(ws, reservation, null, true, out);
                callbacks.reservationEvent(ws, "reservation.canceled", reservation,
                        "Reservation canceled: its Task was deleted", out);
            }
            if (reservation.worker.holding == task) {
                lifecycle.freeCapacity(ws, reservation.worker);
            }
            ws.reservations.remove(reservation.sid);
        }
        task.cancelTimers();
        ws.tasks.remove(task.sid);
        callbacks.taskEvent(ws, "task.deleted", task, "Task " + task.sid + " deleted", out);
        lifecycle.dispatch(ws, out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reservations
    // ---------------------------------------------------------------------------------------------------------

    /** ReservationStatus and WorkerSid narrow the list. */
    ResourceJson.Page<ResourceJson.Reservation> listTaskReservations(WorkspaceRequest request, String taskSid,
            Params query) {
        WorkspaceState ws = request.workspace();
        TaskState task = found(ws, ws.tasks, "Tasks", taskSid);
        ReservationStatus status = reservationStatusFilter(query);
        String workerSid = query.string("WorkerSid");
        List<ReservationState> matching = task.reservations.stream()
                .filter(r -> status == null || r.status == status)
                .filter(r -> workerSid == null || r.worker.sid.equals(workerSid))
                .toList();
        Representations views = request.views();
        return Paging.page(matching, r -> r.seq, views::taskReservation, query,
                views.collectionUrl("Tasks/" + task.sid + "/Reservations"), "reservations");
    }

    /** ReservationStatus narrows the list. */
    ResourceJson.Page<ResourceJson.Reservation> listWorkerReservations(WorkspaceRequest request, String workerSid,
            Params query) {
        WorkspaceState ws = request.workspace();
        WorkerState worker = found(ws, ws.workers, "Workers", workerSid);
        ReservationStatus status = reservationStatusFilter(query);
        List<ReservationState> matching = ws.reservations.values().stream()
                .filter(r -> r.worker == worker)
                .filter(r -> status == null || r.status == status)
                .toList();
        Representations views = request.views();
        return Paging.page(matching, r -> r.seq, views::workerReservation, query,
                views.collectionUrl("Workers/" + worker.sid + "/Reservations"), "reservations");
    }

    ResourceJson.Reservation fetchTaskReservation(WorkspaceRequest request, String taskSid, String sid) {
        return request.views().taskReservation(taskReservation(request.workspace(), taskSid, sid));
    }

    ResourceJson.Reservation fetchWorkerReservation(WorkspaceRequest request, String workerSid, String sid) {
        return request.views().workerReservation(workerReservation(request.workspace(), workerSid, sid));
    }

    ResourceJson.Reservation updateTaskReservation(WorkspaceRequest request, String taskSid, String sid,
            Params form, Outbox out) {
        ReservationState reservation = taskReservation(request.workspace(), taskSid, sid);
        answer(request.workspace(), reservation, form, out);
        return request.views().taskReservation(reservation);
    }

    ResourceJson.Reservation updateWorkerReservation(WorkspaceRequest request, String workerSid, String sid,
            Params form, Outbox out) {
        ReservationState reservation = workerReservation(request.workspace(), workerSid, sid);
        answer(request.workspace(), reservation, form, out);
        return request.views().workerReservation(reservation);
    }

    /**
     * Accepts or rejects a pending Reservation: ReservationStatus (accepted, rejected) or, as an assignment
     * callback's answer would, Instruction; WorkerActivitySid is where the Worker moves.
     */
    private void answer(WorkspaceState ws, ReservationState reservation, Params form, Outbox out) {
        String statusText = form.string("ReservationStatus");
        String instruction = form.string("Instruction");
        ReservationStatus wanted;
        if (statusText != null && !statusText.isBlank()) {
            wanted = ReservationStatus.fromWire(statusText);
            if (wanted == null) {
                throw TwilioApiException.badRequest("Invalid ReservationStatus: " + statusText + " is not one of "
                        + "pending, accepted, rejected, timeout, canceled, rescinded, wrapping, completed");
            }
            if (wanted != ReservationStatus.ACCEPTED && wanted != ReservationStatus.REJECTED) {
                throw TwilioApiException.badRequest("Reservation " + reservation.sid + " cannot be set to "
                        + statusText + ": only accepted and rejected can be set");
            }
        } else if (instruction != null && !instruction.isBlank()) {
            // A word sent in quotes counts as the word itself.
            AssignmentAnswer.Kind kind = AssignmentAnswer.kindOf(instruction.replace("\"", ""));
            if (kind == AssignmentAnswer.Kind.DEFER) {
                throw TwilioApiException.badRequest("Invalid Instruction: " + instruction
                        + " is not one of accept, reject, dequeue, call, redirect, conference");
            }
            wanted = kind == AssignmentAnswer.Kind.ACCEPT ? ReservationStatus.ACCEPTED : ReservationStatus.REJECTED;
        } else {
            throw TwilioApiException.badRequest("Missing required parameter ReservationStatus in the post body");
        }
        ActivityState activity = optionalActivity(ws, form, "WorkerActivitySid");
        if (reservation.status != ReservationStatus.PENDING) {
            throw TwilioApiException.badRequest("Reservation " + reservation.sid + " is not pending: it is "
                    + reservation.status.wire());
        }
        if (wanted == ReservationStatus.ACCEPTED) {
            lifecycle.accept(ws, reservation, activity, out);
        } else {
            lifecycle.reject(ws, reservation, activity, out);
        }
        lifecycle.dispatch(ws, out);
    }

    private static ResourceJson.VersionedTask versioned(WorkspaceRequest request, TaskState task) {
        return new ResourceJson.VersionedTask(request.views().task(task, request.now()), Representations.etag(task));
    }
}
