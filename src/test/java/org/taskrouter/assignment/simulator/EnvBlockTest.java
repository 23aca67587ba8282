package org.taskrouter.assignment.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

class EnvBlockTest {

    @Test
    void envBlockNamesTheSeededSidsUnderTheQuickstartsVariablesAndNeverTheAuthToken() {
        String block = SimulatorStartup.envBlock(WorkspaceDefinition.loadQuickstart(), "AC" + "0".repeat(32),
                SimulatorStartup.authTokenLine(false, true), "http://localhost:8080");

        assertTrue(block.contains("\nTWILIO_ACCOUNT_SID=AC" + "0".repeat(32) + "\n"), block);
        assertTrue(block.contains("\nTWILIO_API_BASE_URL=http://localhost:8080\n"), block);
        assertTrue(block.contains("\nTWILIO_WORKSPACE_SID=" + SidGenerator.seeded("WS", "TaskRouter Quickstart") + "\n"), block);
        assertTrue(block.contains("\nTWILIO_WORKFLOW_SID=" + SidGenerator.seeded("WW", "Customer Care Workflow") + "\n"), block);
        assertTrue(block.contains("\nTWILIO_WORKER_ALICE_SID=" + SidGenerator.seeded("WK", "Alice") + "\n"), block);
        assertTrue(block.contains("\nTWILIO_WORKER_BOB_SID=" + SidGenerator.seeded("WK", "Bob") + "\n"), block);
        assertTrue(block.endsWith("\nTWILIO_POST_WORKER_ACTIVITY=" + SidGenerator.seeded("WA", "WrapUp")), block);
        assertTrue(block.contains("TWILIO_AUTH_TOKEN=<the auth token you configured>"), block);
        assertFalse(block.contains("test-auth-token"));
    }

    @Test
    void envBlockPrintsDevModesBuiltInAuthTokenSoThatTwiliosSdksWorkAsItSays() {
        String block = SimulatorStartup.envBlock(WorkspaceDefinition.loadQuickstart(), "AC" + "0".repeat(32),
                SimulatorStartup.authTokenLine(true, true), "http://localhost:8080");

        assertTrue(block.contains("\nTWILIO_AUTH_TOKEN=dev-auth-token\n"), block);
    }

    @Test
    void envBlockSaysSoWhenNoAuthTokenIsSet() {
        assertTrue(SimulatorStartup.authTokenLine(false, false).startsWith("<not set"));
    }

    @Test
    void theTokenPrintedIsTheOneDevModeDefaultsTo() throws IOException {
        try (InputStream yaml = getClass().getClassLoader().getResourceAsStream("application.yaml")) {
            String text = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("auth-token: ${TWILIO_AUTH_TOKEN:" + SimulatorCredentials.DEV_AUTH_TOKEN + "}"),
                    "application.yaml's %dev auth token default and SimulatorCredentials.DEV_AUTH_TOKEN differ");
        }
    }
}
