package org.taskrouter.assignment.twilio;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Task's {@code assignment_status}, spelled on the wire in lower case ({@code task_enum_status} in the OpenAPI
 * file).
 */
public enum TaskAssignmentStatus {
    PENDING, RESERVED, ASSIGNED, CANCELED, COMPLETED, WRAPPING;

    /** The wire spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every wire spelling, in alphabetical order, for an error that lists them. */
    public static String wireSpellings() {
        return Arrays.stream(values()).map(TaskAssignmentStatus::wire).sorted().collect(Collectors.joining(", "));
    }

    /** The status spelled {@code text}, or null. */
    public static TaskAssignmentStatus fromWire(String text) {
        for (TaskAssignmentStatus status : values()) {
            if (status.wire().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
