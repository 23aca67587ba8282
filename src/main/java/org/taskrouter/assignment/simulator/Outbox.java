package org.taskrouter.assignment.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one locked operation leaves to do afterwards, and the instant it happened at. */
final class Outbox {
    final Instant now = Instant.now();
    final List<PendingAssignment> assignments = new ArrayList<>();

    /** An assignment callback to post once the lock is released. */
    record PendingAssignment(WorkspaceState workspace, String reservationSid, String url, String fallbackUrl,
            Map<String, String> params) {
    }
}
