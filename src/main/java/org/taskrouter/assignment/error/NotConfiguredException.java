package org.taskrouter.assignment.error;

/** A feature was asked for, but the variables it needs are not set: a 503 naming them. */
public class NotConfiguredException extends RuntimeException {

    public NotConfiguredException(String message) {
        super(message, null, false, false);
    }
}
