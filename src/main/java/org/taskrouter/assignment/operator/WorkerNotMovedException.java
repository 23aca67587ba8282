package org.taskrouter.assignment.operator;

import org.taskrouter.assignment.taskrouter.TaskRouterException;

/** The Task was completed, but TaskRouter refused to move its Worker afterwards. */
public final class WorkerNotMovedException extends RuntimeException {

    private final TaskRouterException refusal;

    public WorkerNotMovedException(String message, TaskRouterException refusal) {
        super(message, refusal, false, false);
        this.refusal = refusal;
    }

    /** TaskRouter's refusal of the Activity change. */
    public TaskRouterException refusal() {
        return refusal;
    }
}
