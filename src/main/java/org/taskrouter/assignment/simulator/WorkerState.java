package org.taskrouter.assignment.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A Worker as the simulator holds it; guarded by the simulator's lock. */
final class WorkerState {
    final String sid;
    final long seq;
    final Instant created;
    String friendlyName;
    String attributesText;
    JsonNode attributes;
    ActivityState activity;
    Instant updated;
    Instant statusChanged;
    /** The Reservation waiting for this Worker's answer; one at a time, as without multitasking. */
    ReservationState pending;
    /** The assigned or wrapping Task that uses this Worker's capacity; it gets no Reservation meanwhile. */
    TaskState holding;
    /** Lower is longer idle: set from the workspace sequence whenever the Worker becomes free. */
    long idleOrder;

    WorkerState(String sid, long seq, String friendlyName, String attributesText, JsonNode attributes,
            ActivityState activity, Instant now) {
        this.sid = sid;
        this.seq = seq;
        this.friendlyName = friendlyName;
        this.attributesText = attributesText;
        this.attributes = attributes;
        this.activity = activity;
        this.created = now;
        this.updated = now;
        this.statusChanged = now;
        this.idleOrder = seq;
    }

    /** Whether TaskRouter could reserve this Worker now: available Activity, and no Task on hand. */
    boolean idle() {
        return activity.available && pending == null && holding == null;
    }
}
