package org.taskrouter.assignment.workspace;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A TaskQueue: which Workers may take its Tasks, and the Activities they move through.
 *
 * @param friendlyName the TaskQueue's name
 * @param targetWorkers the expression over Worker attributes that makes a Worker eligible, e.g. {@code languages HAS "es"}
 * @param reservationActivity the friendly name of the Activity a Worker moves to when reserved; absent, none
 * @param assignmentActivity the friendly name of the Activity a Worker moves to on accepting; absent, none
 */
// Bound from YAML by WorkspaceDefinition's own ObjectMapper, which Quarkus does not see.
@RegisterForReflection
public record TaskQueueDefinition(
        String friendlyName, String targetWorkers, String reservationActivity, String assignmentActivity) {

    /** Checks that the name is present; no target expression means every Worker ({@code 1==1}). */
    public TaskQueueDefinition {
        WorkspaceDefinition.require(friendlyName, "task queue friendly_name");
        targetWorkers = targetWorkers == null || targetWorkers.isBlank() ? "1==1" : targetWorkers;
    }
}
