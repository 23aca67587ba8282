package org.taskrouter.assignment.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything one simulated Workspace holds; guarded by the simulator's lock. */
final class WorkspaceState {
    final String sid;
    final Instant created;
    String friendlyName;
    String eventCallbackUrl;
    ActivityState defaultActivity;
    ActivityState timeoutActivity;
    Instant updated;
    final Map<String, ActivityState> activities = new LinkedHashMap<>();
    final Map<String, WorkerState> workers = new LinkedHashMap<>();
    final Map<String, TaskQueueState> queues = new LinkedHashMap<>();
    final Map<String, WorkflowState> workflows = new LinkedHashMap<>();
    final Map<String, TaskState> tasks = new LinkedHashMap<>();
    final Map<String, ReservationState> reservations = new LinkedHashMap<>();
    private long sequence;

    WorkspaceState(String sid, String friendlyName, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.created = now;
        this.updated = now;
    }

    /** The next number of a sequence that orders creations, queue entries and idle times. */
    long next() {
        return ++sequence;
    }
}
