package org.taskrouter.assignment.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

class EnvBlockTest {

    @Test
    void envBlockNamesTheSeededSidsUnderTheQuickstartsVariablesAndNeverTheAuthToken() {
        String block = SimulatorStartup.envBlock(WorkspaceDefinition.loadQuickstart(), "AC" + "0".repeat(32), true,
                "http://localhost:8080");

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
}
