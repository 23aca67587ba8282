package org.taskrouter.assignment.lifecycle;

import java.util.Map;

import org.taskrouter.assignment.simulator.SeededWorkspace;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The dev-mode setup in a test: the service's own client, callbacks and operator API against the embedded
 * TaskRouter seeded with the quickstart Workspace. Tasks with {@code "accept_by_callback":"yes"} are accepted by
 * the assignment callback's answer; all others are deferred ({@code {}}) and accepted through the REST API.
 */
public class EmbeddedTaskRouterProfile implements QuarkusTestProfile {

    public static final SeededWorkspace SEEDED = SeededWorkspace.of(WorkspaceDefinition.loadQuickstart());
    public static final String ALICE = SEEDED.workerSid("Alice");
    public static final String BOB = SEEDED.workerSid("Bob");
    public static final String IDLE = SEEDED.activitySid("Idle");
    public static final String OFFLINE = SEEDED.activitySid("Offline");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "twilio.workspace-sid", SEEDED.workspaceSid(),
                "twilio.workflow-sid", SEEDED.workflowSid(),
                "twilio.worker-alice-sid", ALICE,
                "twilio.worker-bob-sid", BOB,
                "twilio.post-worker-activity", SEEDED.activitySid("WrapUp"),
                "assignment.rules[0].attribute", "accept_by_callback",
                "assignment.rules[0].equal-to", "yes",
                "assignment.rules[0].instruction", "accept",
                "simulator.reservation-timeout", "PT3S");
    }
}
