package org.taskrouter.assignment.taskrouter;

import java.time.Duration;
import java.util.Optional;

/** TaskRouter could not be reached, did not answer in time, or kept asking us to come back later. */
public final class TaskRouterUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public TaskRouterUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause, false, false);
        this.retryAfter = retryAfter;
    }

    /** When the caller may try again, if TaskRouter said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
