package org.taskrouter.assignment.taskrouter;

import java.time.Instant;

/** A TaskRouter Reservation: a Task offered to one Worker. */
public record Reservation(
        String sid,
        String taskSid,
        String workerSid,
        String workerName,
        String workspaceSid,
        String reservationStatus,
        Instant dateCreated,
        Instant dateUpdated) {
}
