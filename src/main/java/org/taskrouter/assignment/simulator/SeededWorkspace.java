package org.taskrouter.assignment.simulator;

import org.taskrouter.assignment.workspace.WorkspaceDefinition;

/**
 * The deterministic SIDs the simulator gives a definition's resources (see {@link SidGenerator#seeded}), known before
 * anything starts, so that configuration can name them.
 *
 * @param definition the seeded Workspace's definition
 */
public record SeededWorkspace(WorkspaceDefinition definition) {

    /** The seeded SIDs of {@code definition}. */
    public static SeededWorkspace of(WorkspaceDefinition definition) {
        return new SeededWorkspace(definition);
    }

    /** The Workspace's SID. */
    public String workspaceSid() {
        return SidGenerator.seeded("WS", definition.friendlyName());
    }

    /** The SID of the first Workflow, the quickstart's. */
    public String workflowSid() {
        return SidGenerator.seeded("WW", definition.workflows().get(0).friendlyName());
    }

    /** The SID of a Worker by name. */
    public String workerSid(String friendlyName) {
        return SidGenerator.seeded("WK", friendlyName);
    }

    /** The SID of an Activity by name. */
    public String activitySid(String friendlyName) {
        return SidGenerator.seeded("WA", friendlyName);
    }

    /** The SID of a TaskQueue by name. */
    public String taskQueueSid(String friendlyName) {
        return SidGenerator.seeded("WQ", friendlyName);
    }
}
