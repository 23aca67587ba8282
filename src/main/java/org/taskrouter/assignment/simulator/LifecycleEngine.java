package org.taskrouter.assignment.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The Task and Reservation state machine: routing Tasks into queues, offering them to idle Workers, and every
 * Reservation and Task transition (accept, reject, timeout, cancel, wrap-up, complete), with the Worker Activity
 * changes and events they cause.
 *
 * <p>Every method runs under the Workspace's lock and only records callbacks in the {@link Outbox}. What happens
 * later, when a timer fires or an assignment callback is answered, is planned here as a {@link WorkspaceChange}
 * that {@link TaskRouterSimulator} makes under the lock when the time comes.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class LifecycleEngine {

    // The simulator's category, with its other messages about changes made to the Workspace.
    private static final Logger LOG = Logger.getLogger(TaskRouterSimulator.class);

    private final TaskRouterSimulator simulator;
    private final SimulatorCallbacks callbacks;

    @Inject
    LifecycleEngine(TaskRouterSimulator simulator, SimulatorCallbacks callbacks) {
        this.simulator = simulator;
        this.callbacks = callbacks;
    }

    /** Puts the Task in the queue its Workflow picks for its attributes. */
    void route(WorkspaceState ws, TaskState task, boolean targetSetsPriority, Outbox out) {
        WorkflowRouting.Target target = task.workflow.routing.route(task.attributes);
        if (target == null) {
            // No filter matched and there is no default filter: the Task waits outside every queue.
            task.queue = null;
            return;
        }
        if (targetSetsPriority && target.priority() != null) {
            task.priority = target.priority();
        }
        if (task.queue != target.queue()) {
            task.queue = target.queue();
            task.queueEntered = out.now;
            task.queueOrder = ws.next();
            callbacks.taskEvent(ws, "task-queue.entered", task,
                    "Task " + task.sid + " entered TaskQueue " + task.queue.friendlyName, out);
        }
    }

    /**
     * Offers waiting Tasks to idle Workers: highest priority first, then queue order (FIFO or LIFO); for each Task
     * the longest-idle eligible Worker that has not rejected it.
     */
    void dispatch(WorkspaceState ws, Outbox out) {
        List<WorkerState> idle = new ArrayList<>();
        for (WorkerState worker : ws.workers.values()) {
            if (worker.idle()) {
                idle.add(worker);
            }
        }
        if (idle.isEmpty()) {
            return;
        }
        idle.sort(Comparator.comparingLong(w -> w.idleOrder));
        List<TaskState> waiting = new ArrayList<>();
        for (TaskState task : ws.tasks.values()) {
            if (task.status == TaskAssignmentStatus.PENDING && task.queue != null) {
                waiting.add(task);
            }
        }
        waiting.sort(Comparator.<TaskState>comparingInt(t -> -t.priority)
                .thenComparingLong(t -> "LIFO".equals(t.queue.taskOrder) ? -t.queueOrder : t.queueOrder));
        for (TaskState task : waiting) {
            if (idle.isEmpty()) {
                return;
            }
            for (Iterator<WorkerState> it = idle.iterator(); it.hasNext();) {
                WorkerState worker = it.next();
                if (!task.rejectedBy.contains(worker.sid) && task.queue.targetWorkers.matches(worker.attributes)) {
                    it.remove();
                    reserve(ws, task, worker, out);
                    break;
                }
            }
        }
    }

    private void reserve(WorkspaceState ws, TaskState task, WorkerState worker, Outbox out) {
        ReservationState reservation = new ReservationState(SidGenerator.random("WR"), ws.next(), task, worker,
                task.queue, out.now);
        ws.reservations.put(reservation.sid, reservation);
        task.reservations.add(reservation);
        task.status = TaskAssignmentStatus.RESERVED;
        task.touch(out.now);
        worker.pending = reservation;
        callbacks.reservationEvent(ws, "reservation.created", reservation,
                "Task " + task.sid + " reserved for Worker " + worker.friendlyName, out);
        if (task.queue.reservationActivity != null) {
            setActivity(ws, worker, task.queue.reservationActivity, out);
        }
        reservation.timeout = simulator.schedule(ws, task.workflow.reservationTimeout, (current, inner) -> {
            if (reservation.status == ReservationStatus.PENDING) {
                timeOut(current, reservation, inner);
                dispatch(current, inner);
            }
        });
        String url = task.workflow.assignmentCallbackUrl;
        if (url != null) {
            out.assignments.add(new Outbox.PendingAssignment(ws, reservation.sid, url,
                    task.workflow.fallbackAssignmentCallbackUrl, callbacks.assignmentParams(ws, reservation, out.now),
                    answer -> answered(reservation.sid, answer)));
        }
    }

    /**
     * What an accepting or rejecting answer to a Reservation's assignment callback does when it arrives. The lock
     * was released in between, so the Reservation may have been answered, timed out or deleted meanwhile: then the
     * answer is too late and changes nothing.
     */
    private WorkspaceChange answered(String reservationSid, AssignmentAnswer answer) {
        return (ws, out) -> {
            ReservationState reservation = ws.reservations.get(reservationSid);
            if (reservation == null || reservation.status != ReservationStatus.PENDING) {
                return;
            }
            if (answer.kind() == AssignmentAnswer.Kind.ACCEPT) {
                accept(ws, reservation, null, out);
            } else {
                ActivityState activity = answer.activitySid() == null ? null : ws.activities.get(answer.activitySid());
                if (answer.activitySid() != null && activity == null) {
                    LOG.infof("TaskRouter simulator: the reject instruction for Reservation %s names activity_sid %s, "
                            + "which is not an Activity of this Workspace; the Worker keeps TaskRouter's default",
                            reservation.sid, answer.activitySid());
                }
                reject(ws, reservation, activity, out);
            }
            dispatch(ws, out);
        };
    }

    void accept(WorkspaceState ws, ReservationState reservation, ActivityState activity, Outbox out) {
        reservation.cancelTimeout();
        reservation.status = ReservationStatus.ACCEPTED;
        reservation.updated = out.now;
        TaskState task = reservation.task;
        WorkerState worker = reservation.worker;
        task.status = TaskAssignmentStatus.ASSIGNED;
        task.touch(out.now);
        worker.pending = null;
        worker.holding = task;
        callbacks.reservationEvent(ws, "reservation.accepted", reservation,
                "Reservation " + reservation.sid + " accepted by Worker " + worker.friendlyName, out);
        callbacks.taskEvent(ws, "task.assigned", task,
                "Task " + task.sid + " assigned to Worker " + worker.friendlyName, out);
        ActivityState target = activity != null ? activity : reservation.queue.assignmentActivity;
        if (target != null) {
            setActivity(ws, worker, target, out);
        }
    }

    void reject(WorkspaceState ws, ReservationState reservation, ActivityState activity, Outbox out) {
        reservation.cancelTimeout();
        reservation.status = ReservationStatus.REJECTED;
        reservation.task.rejectedBy.add(reservation.worker.sid);
        endUnaccepted(ws, reservation, activity, true, out);
        callbacks.reservationEvent(ws, "reservation.rejected", reservation,
                "Reservation " + reservation.sid + " rejected by Worker " + reservation.worker.friendlyName, out);
    }

    private void timeOut(WorkspaceState ws, ReservationState reservation, Outbox out) {
        reservation.status = ReservationStatus.TIMEOUT;
        // As TaskRouter does: a Worker that let a Reservation time out is moved to the timeout Activity.
        endUnaccepted(ws, reservation, ws.timeoutActivity, false, out);
        callbacks.reservationEvent(ws, "reservation.timeout", reservation,
                "Reservation " + reservation.sid + " timed out for Worker " + reservation.worker.friendlyName, out);
    }

    /**
     * The common end of a Reservation that was not accepted: the Worker is free again, in {@code activity} if
     * given, else (when {@code revert}) back in the Activity it had before the Reservation moved it; the Task
     * waits for the next Worker.
     */
    void endUnaccepted(WorkspaceState ws, ReservationState reservation, ActivityState activity, boolean revert,
            Outbox out) {
        reservation.cancelTimeout();
        reservation.updated = out.now;
        WorkerState worker = reservation.worker;
        if (worker.pending == reservation) {
            worker.pending = null;
        }
        worker.idleOrder = ws.next();
        ActivityState target = activity;
        if (target == null && revert && reservation.queue.reservationActivity != null
                && worker.activity == reservation.queue.reservationActivity) {
            target = reservation.activityBefore;
        }
        if (target != null) {
            setActivity(ws, worker, target, out);
        }
        TaskState task = reservation.task;
        if (task.status == TaskAssignmentStatus.RESERVED) {
            task.status = TaskAssignmentStatus.PENDING;
            task.touch(out.now);
        }
    }

    void cancelTask(WorkspaceState ws, TaskState task, String reason, Outbox out) {
        checkTransition(task, TaskAssignmentStatus.CANCELED);
        for (ReservationState reservation : task.reservations) {
            if (reservation.status == ReservationStatus.PENDING) {
                reservation.status = ReservationStatus.CANCELED;
                endUnaccepted(ws, reservation, null, true, out);
                callbacks.reservationEvent(ws, "reservation.canceled", reservation,
                        "Reservation " + reservation.sid + " canceled: its Task was canceled", out);
            }
        }
        task.status = TaskAssignmentStatus.CANCELED;
        task.reason = reason;
        task.touch(out.now);
        task.cancelTimers();
        callbacks.taskEvent(ws, "task.canceled", task, "Task " + task.sid + " canceled", out);
        dispatch(ws, out);
    }

    void wrapUpTask(WorkspaceState ws, TaskState task, String reason, Outbox out) {
        ReservationState accepted = acceptedReservation(task);
        if (accepted != null) {
            accepted.status = ReservationStatus.WRAPPING;
            accepted.updated = out.now;
        }
        task.status = TaskAssignmentStatus.WRAPPING;
        if (reason != null) {
            task.reason = reason;
        }
        task.touch(out.now);
        callbacks.taskEvent(ws, "task.wrapup", task, "Task " + task.sid + " wrapping up", out);
    }

    void completeTask(WorkspaceState ws, TaskState task, String reason, Outbox out) {
        ReservationState accepted = acceptedReservation(task);
        task.status = TaskAssignmentStatus.COMPLETED;
        task.reason = reason;
        task.touch(out.now);
        task.cancelTimers();
        if (accepted != null) {
            accepted.status = ReservationStatus.COMPLETED;
            accepted.updated = out.now;
            callbacks.reservationEvent(ws, "reservation.completed", accepted,
                    "Reservation " + accepted.sid + " completed", out);
            if (accepted.worker.holding == task) {
                freeCapacity(ws, accepted.worker);
            }
        }
        callbacks.taskEvent(ws, "task.completed", task, "Task " + task.sid + " completed", out);
    }

    void freeCapacity(WorkspaceState ws, WorkerState worker) {
        worker.holding = null;
        worker.idleOrder = ws.next();
    }

    static ReservationState acceptedReservation(TaskState task) {
        for (ReservationState reservation : task.reservations) {
            if (reservation.status == ReservationStatus.ACCEPTED || reservation.status == ReservationStatus.WRAPPING) {
                return reservation;
            }
        }
        return null;
    }

    /** Refuses a status change TaskRouter would refuse, saying which state the Task is in. */
    static void checkTransition(TaskState task, TaskAssignmentStatus to) {
        TaskAssignmentStatus from = task.status;
        switch (to) {
            case CANCELED -> {
                if (from != TaskAssignmentStatus.PENDING && from != TaskAssignmentStatus.RESERVED) {
                    throw TwilioApiException.badRequest("Task " + task.sid + " cannot be canceled: its assignment "
                            + "status is " + from.wire() + ", not pending or reserved");
                }
            }
            case WRAPPING -> {
                if (from != TaskAssignmentStatus.ASSIGNED) {
                    throw TwilioApiException.badRequest("Task " + task.sid + " cannot be wrapped up: its assignment "
                            + "status is " + from.wire() + ", not assigned");
                }
            }
            case COMPLETED -> {
                if (from != TaskAssignmentStatus.ASSIGNED && from != TaskAssignmentStatus.WRAPPING) {
                    throw TwilioApiException.badRequest("Task " + task.sid + " cannot be completed: its assignment "
                            + "status is " + from.wire() + ", not assigned or wrapping");
                }
            }
            default -> throw new IllegalArgumentException(to.wire());
        }
    }

    void setActivity(WorkspaceState ws, WorkerState worker, ActivityState activity, Outbox out) {
        if (worker.activity == activity) {
            return;
        }
        ActivityState before = worker.activity;
        Duration inBefore = Duration.between(worker.statusChanged, out.now);
        worker.activity = activity;
        worker.statusChanged = out.now;
        worker.updated = out.now;
        if (!before.available && activity.available) {
            worker.idleOrder = ws.next();
        }
        callbacks.workerActivityEvent(ws, worker, activity, before, inBefore, out);
    }

    /** Cancels the Task when its Timeout passes while it is still waiting or reserved. */
    void startTtl(WorkspaceState ws, TaskState task, int timeout) {
        task.ttl = simulator.schedule(ws, Duration.ofSeconds(timeout), (current, inner) -> {
            if (task.status == TaskAssignmentStatus.PENDING || task.status == TaskAssignmentStatus.RESERVED) {
                cancelTask(current, task, "Task TTL Exceeded", inner);
            }
        });
    }
}
