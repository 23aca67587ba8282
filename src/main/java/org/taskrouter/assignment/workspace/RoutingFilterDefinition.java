package org.taskrouter.assignment.workspace;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One filter of a Workflow: Tasks whose attributes match the expression go to the queue.
 *
 * @param filterFriendlyName the filter's name
 * @param expression the expression over Task attributes, e.g. {@code selected_language == "es"}
 * @param queue the friendly name of the target TaskQueue
 */
// Bound from YAML by WorkspaceDefinition's own ObjectMapper, which Quarkus does not see.
@RegisterForReflection
public record RoutingFilterDefinition(String filterFriendlyName, String expression, String queue) {

    /** Checks that every part is present. */
    public RoutingFilterDefinition {
        WorkspaceDefinition.require(filterFriendlyName, "filter_friendly_name");
        WorkspaceDefinition.require(expression, "filter " + filterFriendlyName + " expression");
        WorkspaceDefinition.require(queue, "filter " + filterFriendlyName + " queue");
    }
}
