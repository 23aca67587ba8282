package org.taskrouter.assignment.operator;

import java.util.Map;

import org.taskrouter.assignment.taskrouter.TaskQueue;
import org.taskrouter.assignment.taskrouter.TaskQueueStatistics;

/**
 * One TaskQueue as {@code GET /api/queues} shows it: its name and TaskRouter's live figures for it.
 *
 * @param longestTaskWaitingAge seconds the oldest waiting Task has waited; 0 when none waits
 */
public record QueueSummary(String sid, String friendlyName, int totalTasks, Map<String, Integer> tasksByStatus,
        long longestTaskWaitingAge, int totalAvailableWorkers, int totalEligibleWorkers) {

    static QueueSummary of(TaskQueue queue, TaskQueueStatistics figures) {
        return new QueueSummary(queue.sid(), queue.friendlyName(), orZero(figures.totalTasks()),
                figures.tasksByStatus() == null ? Map.of() : figures.tasksByStatus(),
                figures.longestTaskWaitingAge() == null ? 0 : figures.longestTaskWaitingAge(),
                orZero(figures.totalAvailableWorkers()), orZero(figures.totalEligibleWorkers()));
    }

    private static int orZero(Integer figure) {
        return figure == null ? 0 : figure;
    }
}
