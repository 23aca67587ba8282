package org.taskrouter.assignment.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
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
    /** What {@code GET /Events} lists: every event emitted, oldest first, the last {@value #EVENTS_KEPT}. */
    final ArrayDeque<Map<String, String>> events = new ArrayDeque<>();
    static final int EVENTS_KEPT = 10_000;
    private long sequence;

    WorkspaceState(String sid, String friendlyName, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.created = now;
        this.updated = now;
    }

    /** Keeps an event for {@code GET /Events}, numbered for its page tokens. */
    void log(Map<String, String> event) {
        event.put("_seq", Long.toString(next()));
        if (events.size() == EVENTS_KEPT) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** The next number of a sequence that orders creations, queue entries and idle times. */
    long next() {
        return ++sequence;
    }
}
