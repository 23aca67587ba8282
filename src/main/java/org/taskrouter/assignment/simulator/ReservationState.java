package org.taskrouter.assignment.simulator;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.taskrouter.assignment.twilio.ReservationStatus;

/** A Reservation as the simulator holds it; guarded by the simulator's lock. */
final class ReservationState {
    final String sid;
    final long seq;
    final Instant created;
    final TaskState task;
    final WorkerState worker;
    final TaskQueueState queue;
    /** The Worker's Activity before the Reservation moved it, to go back to if the Reservation ends unaccepted. */
    final ActivityState activityBefore;
    ReservationStatus status = ReservationStatus.PENDING;
    Instant updated;
    ScheduledFuture<?> timeout;

    ReservationState(String sid, long seq, TaskState task, WorkerState worker, TaskQueueState queue, Instant now) {
        this.sid = sid;
        this.seq = seq;
        this.task = task;
        this.worker = worker;
        this.queue = queue;
        this.activityBefore = worker.activity;
        this.created = now;
        this.updated = now;
    }

    /** Stops its timeout, once it has ended some other way. */
    void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
