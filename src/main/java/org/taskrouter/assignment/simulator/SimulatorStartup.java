package org.taskrouter.assignment.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * Prints, once the HTTP server listens (so that a random port is known), the {@code .env} lines that point the
 * service at the simulator.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatorStartup {

    private static final Logger LOG = Logger.getLogger(SimulatorStartup.class);

    @Inject
    SimulatorSwitch simulatorSwitch;

    @Inject
    SimulatorCredentials credentials;

    @Inject
    TaskRouterSimulator simulator;

    // Quarkus fires this asynchronously once the server listens; only then does the config know a random port.
    void onStart(@ObservesAsync HttpServerStart event) {
        if (!simulatorSwitch.on()) {
            LOG.infof("TaskRouter simulator is off: %s", simulatorSwitch.reasonOff());
            return;
        }
        LOG.info(envBlock(simulator.definition(), credentials.accountSid(), credentials.hasAuthToken(),
                LocalHttpPort.localBase()));
    }

    /** The {@code .env} block for the seeded Workspace; it never contains the auth token itself. */
    static String envBlock(WorkspaceDefinition definition, String accountSid, boolean hasAuthToken, String base) {
        SeededWorkspace seeded = SeededWorkspace.of(definition);
        return String.join("\n",
                "TaskRouter simulator is serving " + base + "/v1/Workspaces/" + seeded.workspaceSid()
                        + " . To use it, put these lines in .env:",
                "TWILIO_ACCOUNT_SID=" + accountSid,
                "TWILIO_AUTH_TOKEN=" + (hasAuthToken ? "<the auth token you configured>"
                        : "<not set: choose any value, the simulator and the service must share it>"),
                "TWILIO_API_BASE_URL=" + base,
                "TWILIO_WORKSPACE_SID=" + seeded.workspaceSid(),
                "TWILIO_WORKFLOW_SID=" + seeded.workflowSid(),
                "TWILIO_WORKER_ALICE_SID=" + seeded.workerSid("Alice"),
                "TWILIO_WORKER_BOB_SID=" + seeded.workerSid("Bob"),
                "TWILIO_POST_WORKER_ACTIVITY=" + seeded.activitySid("WrapUp"));
    }
}
