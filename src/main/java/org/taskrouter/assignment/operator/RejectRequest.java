package org.taskrouter.assignment.operator;

import jakarta.validation.constraints.Pattern;

/** {@code POST …/reject}: optionally, the Activity the rejecting Worker moves to. */
public record RejectRequest(
        @Pattern(regexp = "WA[0-9a-fA-F]{32}",
                message = "must be an Activity SID: WA followed by 32 hexadecimal digits") String activitySid) {
}
