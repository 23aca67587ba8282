package org.taskrouter.assignment.operator;

/** {@code POST /api/tasks/{taskSid}/cancel}: why. */
public record CancelTaskRequest(String reason) {
}
