package org.taskrouter.assignment.operator;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /api/tasks/{taskSid}/cancel}: why. */
// Read by OptionalJsonBody from the raw body text, not as a typed JAX-RS body parameter.
@RegisterForReflection
public record CancelTaskRequest(String reason) {
}
