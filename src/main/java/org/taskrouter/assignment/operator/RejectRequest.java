package org.taskrouter.assignment.operator;

/** {@code POST …/reject}: optionally, the Activity the rejecting Worker moves to. */
public record RejectRequest(
        String activitySid) {
}
