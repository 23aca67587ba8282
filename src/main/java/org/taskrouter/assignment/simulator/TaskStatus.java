package org.taskrouter.assignment.simulator;

import java.util.Locale;

/** A Task's {@code assignment_status}, spelled on the wire in lower case. */
enum TaskStatus {
    PENDING, RESERVED, ASSIGNED, CANCELED, COMPLETED, WRAPPING;

    /** The wire spelling. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status spelled {@code text}, or null. */
    static TaskStatus fromWire(String text) {
        for (TaskStatus status : values()) {
            if (status.wire().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
