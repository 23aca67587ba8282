package org.taskrouter.assignment.taskrouter;

/** TaskRouter answered with a success status but a body that is not the JSON its API describes. */
public final class TaskRouterUnreadableAnswerException extends RuntimeException {

    public TaskRouterUnreadableAnswerException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
