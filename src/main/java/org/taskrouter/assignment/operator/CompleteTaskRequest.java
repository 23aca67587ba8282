package org.taskrouter.assignment.operator;

/** {@code POST /api/tasks/{taskSid}/complete}: why, and optionally the Activity the Worker moves to afterwards. */
public record CompleteTaskRequest(String reason, String activitySid) {
}
