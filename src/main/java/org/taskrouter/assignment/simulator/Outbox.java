package org.taskrouter.assignment.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What one locked change leaves to do once the lock is released, and the instant it happened at. */
final class Outbox {
    final Instant now = Instant.now();
    final List<PendingAssignment> assignments = new ArrayList<>();

    /**
     * An assignment callback to post once the lock is released. Its answer arrives later, outside the lock, so
     * what the answer does is carried along as the change to make then.
     *
     * @param answered the change an accepting or rejecting answer makes
     */
    record PendingAssignment(WorkspaceState workspace, String reservationSid, String url, String fallbackUrl,
            Map<String, String> params, Function<AssignmentAnswer, WorkspaceChange> answered) {
    }
}
