package org.taskrouter.assignment.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.taskrouter.assignment.simulator.expression.ExpressionException;
import org.taskrouter.assignment.simulator.expression.TargetExpression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Workflow's {@code Configuration} in TaskRouter's JSON format, parsed: {@code task_routing.filters[]} tried in
 * order (first whose {@code expression} matches the Task's attributes wins, its first target's queue taken), else
 * {@code task_routing.default_filter.queue}.
 */
final class WorkflowRouting {

    /** Where a Task goes: the queue, and the priority the target sets, if any. */
    record Target(TaskQueueState queue, Integer priority) {
    }

    private record Filter(TargetExpression expression, Target target) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Filter> filters;
    private final Target defaultTarget;

    private WorkflowRouting(List<Filter> filters, Target defaultTarget) {
        this.filters = filters;
        this.defaultTarget = defaultTarget;
    }

    /**
     * Parses {@code configuration}; any fault, an unknown queue included, is a 400 naming the Configuration field.
     *
     * @param queues finds a TaskQueue by SID, or null
     */
    static WorkflowRouting parse(String configuration, Function<String, TaskQueueState> queues) {
        JsonNode root;
        try {
            root = JSON.readTree(configuration);
        } catch (JsonProcessingException e) {
            throw TwilioApiException.badRequest("Invalid Configuration: not valid JSON (" + e.getOriginalMessage()
                    + ")");
        }
        JsonNode routing = root == null ? null : root.get("task_routing");
        if (routing == null || !routing.isObject()) {
            throw TwilioApiException.badRequest("Invalid Configuration: task_routing is missing");
        }
        List<Filter> filters = new ArrayList<>();
        JsonNode filterNodes = routing.path("filters");
        if (!filterNodes.isMissingNode() && !filterNodes.isArray()) {
            throw TwilioApiException.badRequest("Invalid Configuration: task_routing.filters must be an array");
        }
        int index = 0;
        for (JsonNode filter : filterNodes) {
            String where = "task_routing.filters[" + index++ + "]";
            String expressionText = filter.path("expression").asText("");
            TargetExpression expression;
            try {
                expression = TargetExpression.parse(expressionText.isBlank() ? "1==1" : expressionText);
            } catch (ExpressionException e) {
                throw TwilioApiException.badRequest("Invalid Configuration: " + where + ".expression: "
                        + e.getMessage());
            }
            JsonNode targets = filter.path("targets");
            if (!targets.isArray() || targets.isEmpty()) {
                throw TwilioApiException.badRequest("Invalid Configuration: " + where
                        + ".targets must name at least one queue");
            }
            filters.add(new Filter(expression, target(targets.get(0), where + ".targets[0]", queues)));
        }
        JsonNode defaultFilter = routing.get("default_filter");
        Target defaultTarget = defaultFilter == null || defaultFilter.isNull() ? null
                : target(defaultFilter, "task_routing.default_filter", queues);
        return new WorkflowRouting(List.copyOf(filters), defaultTarget);
    }

    /** Where a Task with these attributes goes, or null when no filter matches and there is no default. */
    Target route(JsonNode taskAttributes) {
        for (Filter filter : filters) {
            if (filter.expression().matches(taskAttributes)) {
                return filter.target();
            }
        }
        return defaultTarget;
    }

    private static Target target(JsonNode node, String where, Function<String, TaskQueueState> queues) {
        String queueSid = node.path("queue").asText("");
        TaskQueueState queue = queues.apply(queueSid);
        if (queue == null) {
            throw TwilioApiException.badRequest("Invalid Configuration: " + where + ".queue " + queueSid
                    + " is not a TaskQueue of this Workspace");
        }
        JsonNode priority = node.get("priority");
        return new Target(queue, priority != null && priority.canConvertToInt() ? priority.intValue() : null);
    }
}
