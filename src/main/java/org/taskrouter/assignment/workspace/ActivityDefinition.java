package org.taskrouter.assignment.workspace;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An Activity: what a Worker is doing, and whether that lets it receive Tasks.
 *
 * @param friendlyName the Activity's name, unique in the Workspace
 * @param available whether Workers in this Activity can be reserved
 */
// Bound from YAML by WorkspaceDefinition's own ObjectMapper, which Quarkus does not see.
@RegisterForReflection
public record ActivityDefinition(String friendlyName, boolean available) {

    /** Checks that the name is present. */
    public ActivityDefinition {
        WorkspaceDefinition.require(friendlyName, "activity friendly_name");
    }
}
