package org.taskrouter.assignment.operator;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code PUT /api/workers/{workerSid}/activity}: the Activity to move the Worker to. */
public record ActivityRequest(
        @NotNull(message = "is required") @Pattern(regexp = "WA[0-9a-fA-F]{32}",
                message = "must be an Activity SID: WA followed by 32 hexadecimal digits") String activitySid) {
}
