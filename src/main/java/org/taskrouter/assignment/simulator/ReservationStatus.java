package org.taskrouter.assignment.simulator;

import java.util.Locale;

/** A Reservation's {@code reservation_status}, spelled on the wire in lower case. */
enum ReservationStatus {
    PENDING, ACCEPTED, REJECTED, TIMEOUT, CANCELED, RESCINDED, WRAPPING, COMPLETED;

    /** The wire spelling. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status spelled {@code text}, or null. */
    static ReservationStatus fromWire(String text) {
        for (ReservationStatus status : values()) {
            if (status.wire().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
