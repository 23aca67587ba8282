package org.taskrouter.assignment.taskrouter;

import java.util.Map;

/**
 * A TaskQueue's RealTimeStatistics, the fields the console shows, named as in the official OpenAPI file
 * ({@code task_queue_real_time_statistics}).
 *
 * @param longestTaskWaitingAge seconds the oldest waiting Task has waited; 0 when none waits
 * @param tasksByStatus Tasks by assignment status ({@code pending}, {@code reserved}, …)
 */
public record TaskQueueStatistics(String taskQueueSid, Integer totalTasks, Map<String, Integer> tasksByStatus,
        Long longestTaskWaitingAge, Integer totalAvailableWorkers, Integer totalEligibleWorkers) {
}
