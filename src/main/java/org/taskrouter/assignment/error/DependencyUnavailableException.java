package org.taskrouter.assignment.error;

/** Something the service relies on besides TaskRouter (Redis) does not answer: a 503 saying which. */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
