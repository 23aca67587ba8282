package org.taskrouter.assignment.operator;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST …/reject}: optionally, the Activity the rejecting Worker moves to. */
// Read by OptionalJsonBody from the raw body text, not as a typed JAX-RS body parameter.
@RegisterForReflection
public record RejectRequest(
        String activitySid) {
}
