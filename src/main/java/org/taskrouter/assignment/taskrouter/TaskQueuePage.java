package org.taskrouter.assignment.taskrouter;

import java.util.List;

/** One page of a TaskQueues list. */
public record TaskQueuePage(List<TaskQueue> taskQueues, PageMeta meta) implements Page<TaskQueue> {

    @Override
    public List<TaskQueue> items() {
        return taskQueues;
    }
}
