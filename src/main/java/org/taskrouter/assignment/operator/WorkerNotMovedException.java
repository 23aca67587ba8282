package org.taskrouter.assignment.operator;

/** The Task was completed, but its Worker could not be moved to the requested Activity afterwards. */
public final class WorkerNotMovedException extends RuntimeException {

    public WorkerNotMovedException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
