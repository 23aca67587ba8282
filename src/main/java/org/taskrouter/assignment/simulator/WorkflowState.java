package org.taskrouter.assignment.simulator;

import java.time.Duration;
import java.time.Instant;

/** A Workflow as the simulator holds it; guarded by the simulator's lock. */
final class WorkflowState {
    final String sid;
    final long seq;
    final Instant created;
    String friendlyName;
    String configuration;
    WorkflowRouting routing;
    String assignmentCallbackUrl;
    String fallbackAssignmentCallbackUrl;
    /** The exact timeout; the JSON shows it in whole seconds as {@code task_reservation_timeout}. */
    Duration reservationTimeout;
    Instant updated;

    WorkflowState(String sid, long seq, String friendlyName, String configuration, WorkflowRouting routing,
            String assignmentCallbackUrl, String fallbackAssignmentCallbackUrl, Duration reservationTimeout,
            Instant now) {
        this.sid = sid;
        this.seq = seq;
        this.friendlyName = friendlyName;
        this.configuration = configuration;
        this.routing = routing;
        this.assignmentCallbackUrl = assignmentCallbackUrl;
        this.fallbackAssignmentCallbackUrl = fallbackAssignmentCallbackUrl;
        this.reservationTimeout = reservationTimeout;
        this.created = now;
        this.updated = now;
    }

    /** The timeout in whole seconds, rounded up, as the REST API shows it. */
    int timeoutSeconds() {
        long millis = reservationTimeout.toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }
}
