package org.taskrouter.assignment.taskrouter;

import org.taskrouter.assignment.error.NotConfiguredException;

/** A TaskRouter call was asked for, but the variables it needs are not set. */
public final class TaskRouterNotConfiguredException extends NotConfiguredException {

    public TaskRouterNotConfiguredException(String message) {
        super(message);
    }
}
