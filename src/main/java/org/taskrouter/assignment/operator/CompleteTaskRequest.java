package org.taskrouter.assignment.operator;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /api/tasks/{taskSid}/complete}: why, and optionally the Activity the Worker moves to afterwards. */
// Read by OptionalJsonBody from the raw body text, not as a typed JAX-RS body parameter.
@RegisterForReflection
public record CompleteTaskRequest(String reason, String activitySid) {
}
