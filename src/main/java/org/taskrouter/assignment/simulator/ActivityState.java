package org.taskrouter.assignment.simulator;

import java.time.Instant;

/** An Activity as the simulator holds it; guarded by the simulator's lock. */
final class ActivityState {
    final String sid;
    final long seq;
    final Instant created;
    String friendlyName;
    boolean available;
    Instant updated;

    ActivityState(String sid, long seq, String friendlyName, boolean available, Instant now) {
        this.sid = sid;
        this.seq = seq;
        this.friendlyName = friendlyName;
        this.available = available;
        this.created = now;
        this.updated = now;
    }
}
