package org.taskrouter.assignment.operator;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /api/tasks/{taskSid}/complete}: why, and optionally the Activity the Worker moves to afterwards. */
// Read by OptionalJsonBody from the raw body text, not as a typed JAX-RS body parameter.
@RegisterForReflection
public record CompleteTaskRequest(
        @Size(max = 1024, message = "must be at most 1024 characters") String reason,
        @Pattern(regexp = "WA[0-9a-fA-F]{32}", message = "must be a SID: WA followed by 32 hexadecimal digits")
        String activitySid) {
}
