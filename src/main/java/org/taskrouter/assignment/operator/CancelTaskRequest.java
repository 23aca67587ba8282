package org.taskrouter.assignment.operator;

import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /api/tasks/{taskSid}/cancel}: why. */
// Read by OptionalJsonBody from the raw body text, not as a typed JAX-RS body parameter.
@RegisterForReflection
public record CancelTaskRequest(@Size(max = 1024, message = "must be at most 1024 characters") String reason) {
}
