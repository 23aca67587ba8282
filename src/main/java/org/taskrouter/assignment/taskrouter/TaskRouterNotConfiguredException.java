package org.taskrouter.assignment.taskrouter;

/** A TaskRouter call was asked for, but the variables it needs are not set. */
public final class TaskRouterNotConfiguredException extends RuntimeException {

    public TaskRouterNotConfiguredException(String message) {
        super(message, null, false, false);
    }
}
