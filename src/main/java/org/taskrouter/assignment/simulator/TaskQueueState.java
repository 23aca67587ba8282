package org.taskrouter.assignment.simulator;

import java.time.Instant;

import org.taskrouter.assignment.simulator.expression.TargetExpression;

/** A TaskQueue as the simulator holds it; guarded by the simulator's lock. */
final class TaskQueueState {
    final String sid;
    final long seq;
    final Instant created;
    String friendlyName;
    TargetExpression targetWorkers;
    /** FIFO or LIFO. */
    String taskOrder;
    ActivityState reservationActivity;
    ActivityState assignmentActivity;
    Instant updated;

    TaskQueueState(String sid, long seq, String friendlyName, TargetExpression targetWorkers, String taskOrder,
            ActivityState reservationActivity, ActivityState assignmentActivity, Instant now) {
        this.sid = sid;
        this.seq = seq;
        this.friendlyName = friendlyName;
        this.targetWorkers = targetWorkers;
        this.taskOrder = taskOrder;
        this.reservationActivity = reservationActivity;
        this.assignmentActivity = assignmentActivity;
        this.created = now;
        this.updated = now;
    }
}
