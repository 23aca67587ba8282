package org.taskrouter.assignment.taskrouter;

import java.util.List;

/** One page of a Reservations list. */
public record ReservationPage(List<Reservation> reservations, PageMeta meta) implements Page<Reservation> {

    @Override
    public List<Reservation> items() {
        return reservations;
    }
}
