package org.taskrouter.assignment.twilio;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Reservation's {@code reservation_status}, spelled on the wire in lower case
 * ({@code task_reservation_enum_status} in the OpenAPI file).
 */
public enum ReservationStatus {
    PENDING, ACCEPTED, REJECTED, TIMEOUT, CANCELED, RESCINDED, WRAPPING, COMPLETED;

    /** The wire spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every wire spelling, in alphabetical order, for an error that lists them. */
    public static String wireSpellings() {
        return Arrays.stream(values()).map(ReservationStatus::wire).sorted().collect(Collectors.joining(", "));
    }

    /** The status spelled {@code text}, or null. */
    public static ReservationStatus fromWire(String text) {
        for (ReservationStatus status : values()) {
            if (status.wire().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
