package org.taskrouter.assignment.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

import com.fasterxml.jackson.databind.JsonNode;

/** A Task as the simulator holds it; guarded by the simulator's lock. */
final class TaskState {
    final String sid;
    final long seq;
    final Instant created;
    final WorkflowState workflow;
    final String taskChannel;
    final int timeout;
    String attributesText;
    JsonNode attributes;
    TaskAssignmentStatus status = TaskAssignmentStatus.PENDING;
    int priority;
    String reason;
    TaskQueueState queue;
    Instant queueEntered;
    /** Position in its queue: FIFO serves the lowest first, LIFO the highest. */
    long queueOrder;
    Instant updated;
    /** Bumped on every change; the ETag that {@code If-Match} is compared with. */
    long version = 1;
    final List<ReservationState> reservations = new ArrayList<>();
    /** Workers that rejected this Task; TaskRouter does not offer it to them again. */
    final Set<String> rejectedBy = new HashSet<>();
    ScheduledFuture<?> ttl;

    TaskState(String sid, long seq, WorkflowState workflow, String taskChannel, int timeout, String attributesText,
            JsonNode attributes, int priority, Instant now) {
        this.sid = sid;
        this.seq = seq;
        this.workflow = workflow;
        this.taskChannel = taskChannel;
        this.timeout = timeout;
        this.attributesText = attributesText;
        this.attributes = attributes;
        this.priority = priority;
        this.created = now;
        this.updated = now;
    }

    /** Whether nothing can happen to this Task any more. */
    boolean finished() {
        return status == TaskAssignmentStatus.COMPLETED || status == TaskAssignmentStatus.CANCELED;
    }

    /** Records a change: a new ETag and a new {@code date_updated}. */
    void touch(Instant now) {
        version++;
        updated = now;
    }

    /** Stops its TTL and its Reservations' timeouts: once it is finished, deleted or reset, none may fire. */
    void cancelTimers() {
        if (ttl != null) {
            ttl.cancel(false);
            ttl = null;
        }
        reservations.forEach(ReservationState::cancelTimeout);
    }
}
