package org.taskrouter.assignment.error;

/** The request is valid but the Task or Reservation is not in a state that allows it: a 409. */
public final class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
