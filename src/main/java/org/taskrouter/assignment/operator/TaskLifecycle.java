package org.taskrouter.assignment.operator;

import java.util.List;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.error.ConflictException;
import org.taskrouter.assignment.logging.SidFields;
import org.taskrouter.assignment.taskrouter.Reservation;
import org.taskrouter.assignment.taskrouter.Task;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

import io.smallrye.mutiny.Uni;

/**
 * The end of a Task's life: wrap-up, completion, cancellation. Each change is conditional on the ETag read just
 * before it ({@code If-Match}), so an operator acting on a Task another agent changed meanwhile gets a 409
 * instead of overwriting that change.
 */
@Singleton
public class TaskLifecycle {

    private static final Logger LOG = Logger.getLogger(TaskLifecycle.class);

    /** Reservation states in which a Worker holds the Task. */
    private static final List<String> HOLDING = List.of(ReservationStatus.ACCEPTED.wire(),
            ReservationStatus.WRAPPING.wire());

    private final TaskRouterClient taskRouter;

    public TaskLifecycle(TaskRouterClient taskRouter) {
        this.taskRouter = taskRouter;
    }

    /** Moves an assigned Task to wrapping. */
    public Uni<Task> wrapUp(String taskSid) {
        return taskRouter.fetchTask(taskSid)
                .flatMap(current -> taskRouter.updateTaskStatus(taskSid, current.etag(),
                        TaskAssignmentStatus.WRAPPING, null))
                .invoke(() -> LOG.infof("Task %s is wrapping up", taskSid));
    }

    /** Completes a Task; with {@code activitySid}, then moves the Worker that held it to that Activity. */
    public Uni<Task> complete(String taskSid, String reason, String activitySid) {
        Uni<String> holder = activitySid == null ? Uni.createFrom().nullItem() : workerHolding(taskSid);
        return holder.flatMap(workerSid -> taskRouter.fetchTask(taskSid)
                .flatMap(current -> taskRouter.updateTaskStatus(taskSid, current.etag(),
                        TaskAssignmentStatus.COMPLETED, reason))
                .invoke(() -> {
                    SidFields.put(SidFields.WORKER, workerSid);
                    LOG.infof("Completed Task %s%s", taskSid, workerSid == null ? ""
                            : "; moving Worker " + workerSid + " to Activity " + activitySid);
                })
                .flatMap(completed -> workerSid == null
                        ? Uni.createFrom().item(completed)
                        : taskRouter.updateWorkerActivity(workerSid, activitySid)
                                .onFailure().transform(e -> new WorkerNotMovedException(
                                        "Task " + taskSid + " is completed, but moving Worker " + workerSid
                                                + " to " + activitySid + " failed", e))
                                .replaceWith(completed)));
    }

    /** Cancels a Task that is not yet finished; TaskRouter ends its pending Reservations. */
    public Uni<Task> cancel(String taskSid, String reason) {
        return taskRouter.fetchTask(taskSid)
                .flatMap(current -> taskRouter.updateTaskStatus(taskSid, current.etag(),
                        TaskAssignmentStatus.CANCELED, reason))
                .invoke(() -> LOG.infof("Canceled Task %s", taskSid));
    }

    private Uni<String> workerHolding(String taskSid) {
        return taskRouter.listTaskReservations(taskSid, null).map(reservations -> reservations.stream()
                .filter(reservation -> HOLDING.contains(reservation.reservationStatus()))
                .map(Reservation::workerSid)
                .findFirst()
                .orElseThrow(() -> new ConflictException("Task " + taskSid
                        + " is held by no Worker (no accepted Reservation), so there is no Worker to move")));
    }
}
