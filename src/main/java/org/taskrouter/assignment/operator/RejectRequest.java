package org.taskrouter.assignment.operator;

import jakarta.validation.constraints.Pattern;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST …/reject}: optionally, the Activity the rejecting Worker moves to. */
// Read by OptionalJsonBody from the raw body text, not as a typed JAX-RS body parameter.
@RegisterForReflection
public record RejectRequest(
        @Pattern(regexp = "WA[0-9a-fA-F]{32}", message = "must be a SID: WA followed by 32 hexadecimal digits")
        String activitySid) {
}
