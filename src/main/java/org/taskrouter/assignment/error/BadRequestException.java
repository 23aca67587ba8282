package org.taskrouter.assignment.error;

/** The caller sent something unusable; the message says what, in words fit for the caller. */
public final class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
