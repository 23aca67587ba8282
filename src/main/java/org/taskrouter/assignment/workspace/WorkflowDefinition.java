package org.taskrouter.assignment.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A Workflow: its filters route each new Task to a TaskQueue, first match wins, else the default queue.
 *
 * @param friendlyName the Workflow's name
 * @param assignmentCallbackPath the path of the assignment callback, resolved against the public base URL
 * @param fallbackAssignmentCallbackPath the fallback's path; absent, none
 * @param taskReservationTimeout seconds a Reservation stays pending before it times out
 * @param filters the filters, tried in order
 * @param defaultQueue the friendly name of the TaskQueue for Tasks no filter matches
 */
// Bound from YAML by WorkspaceDefinition's own ObjectMapper, which Quarkus does not see.
@RegisterForReflection
public record WorkflowDefinition(
        String friendlyName,
        String assignmentCallbackPath,
        String fallbackAssignmentCallbackPath,
        Integer taskReservationTimeout,
        List<RoutingFilterDefinition> filters,
        String defaultQueue) {

    /** TaskRouter's own default when a Workflow names no timeout. */
    public static final int DEFAULT_TASK_RESERVATION_TIMEOUT = 120;

    /** Checks that the name and default queue are present; fills TaskRouter's defaults. */
    public WorkflowDefinition {
        WorkspaceDefinition.require(friendlyName, "workflow friendly_name");
        WorkspaceDefinition.require(defaultQueue, "workflow " + friendlyName + " default_queue");
        filters = filters == null ? List.of() : List.copyOf(filters);
        taskReservationTimeout = taskReservationTimeout == null ? DEFAULT_TASK_RESERVATION_TIMEOUT : taskReservationTimeout;
        if (taskReservationTimeout < 1) {
            throw new IllegalArgumentException("workflow " + friendlyName + " task_reservation_timeout must be at least 1");
        }
    }

    /**
     * The Workflow's {@code Configuration} in TaskRouter's JSON format, {@code {"task_routing":{"filters":[…],
     * "default_filter":{"queue":"WQ…"}}}}, with each queue's friendly name replaced by its SID.
     *
     * @param queueSidsByName the SID of every TaskQueue this Workflow names, keyed by friendly name
     */
    public String configurationJson(Map<String, String> queueSidsByName) {
        List<Map<String, Object>> renderedFilters = new ArrayList<>();
        for (RoutingFilterDefinition filter : filters) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            rendered.put("filter_friendly_name", filter.filterFriendlyName());
            rendered.put("expression", filter.expression());
            rendered.put("targets", List.of(Map.of("queue", sidOf(queueSidsByName, filter.queue()))));
            renderedFilters.add(rendered);
        }
        Map<String, Object> taskRouting = new LinkedHashMap<>();
        taskRouting.put("filters", renderedFilters);
        taskRouting.put("default_filter", Map.of("queue", sidOf(queueSidsByName, defaultQueue)));
        try {
            return WorkspaceDefinition.mapper().writeValueAsString(Map.of("task_routing", taskRouting));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the configuration of workflow " + friendlyName + " cannot be written", e);
        }
    }

    private String sidOf(Map<String, String> queueSidsByName, String queueName) {
        String sid = queueSidsByName.get(queueName);
        if (sid == null) {
            throw new IllegalArgumentException("workflow " + friendlyName + " routes to task queue " + queueName
                    + ", whose SID was not given");
        }
        return sid;
    }
}
