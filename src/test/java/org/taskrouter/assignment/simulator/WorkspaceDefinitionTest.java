package org.taskrouter.assignment.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.workspace.ActivityDefinition;
import org.taskrouter.assignment.workspace.TaskQueueDefinition;
import org.taskrouter.assignment.workspace.WorkerDefinition;
import org.taskrouter.assignment.workspace.WorkflowDefinition;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WorkspaceDefinitionTest {

    @Test
    void quickstartDefinesTheQuickstartsActivitiesWorkersQueuesAndWorkflow() {
        WorkspaceDefinition quickstart = WorkspaceDefinition.loadQuickstart();

        assertEquals(List.of("Offline", "Idle", "Busy", "Reserved", "WrapUp"),
                quickstart.activities().stream().map(ActivityDefinition::friendlyName).toList());
        assertTrue(quickstart.activity("Idle").available());
        assertTrue(!quickstart.activity("Offline").available() && !quickstart.activity("WrapUp").available());
        assertEquals("Offline", quickstart.timeoutActivity());

        WorkerDefinition alice = quickstart.workers().get(0);
        assertEquals("Alice", alice.friendlyName());
        assertEquals("Idle", alice.activity());
        assertEquals("{\"languages\":[\"en\",\"es\"]}", alice.attributesJson());
        assertEquals("{\"languages\":[\"en\"]}", quickstart.workers().get(1).attributesJson());

        TaskQueueDefinition spanish = quickstart.taskQueues().get(0);
        assertEquals("Customer Care Requests - Spanish", spanish.friendlyName());
        assertEquals("languages HAS \"es\"", spanish.targetWorkers());
        assertEquals("Reserved", spanish.reservationActivity());
        assertEquals("Busy", spanish.assignmentActivity());

        WorkflowDefinition workflow = quickstart.workflows().get(0);
        assertEquals("Customer Care Workflow", workflow.friendlyName());
        assertEquals(120, workflow.taskReservationTimeout());
        assertEquals("/assignment_callback", workflow.assignmentCallbackPath());
        assertEquals("/events", quickstart.eventCallbackPath());
    }

    @Test
    void workflowConfigurationIsTaskRoutersJsonWithQueueSidsSubstituted() throws Exception {
        WorkflowDefinition workflow = WorkspaceDefinition.loadQuickstart().workflows().get(0);

        String json = workflow.configurationJson(Map.of(
                "Customer Care Requests - Spanish", "WQ11111111111111111111111111111111",
                "Customer Care Requests - English", "WQ22222222222222222222222222222222"));

        JsonNode routing = new ObjectMapper().readTree(json).get("task_routing");
        JsonNode filter = routing.get("filters").get(0);
        assertEquals("Spanish", filter.get("filter_friendly_name").asText());
        assertEquals("selected_language == \"es\"", filter.get("expression").asText());
        assertEquals("WQ11111111111111111111111111111111", filter.get("targets").get(0).get("queue").asText());
        assertEquals("WQ22222222222222222222222222222222", routing.get("default_filter").get("queue").asText());
    }

    @Test
    void configurationNeedsTheSidOfEveryQueueItNames() {
        WorkflowDefinition workflow = WorkspaceDefinition.loadQuickstart().workflows().get(0);

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> workflow.configurationJson(Map.of("Customer Care Requests - Spanish", "WQ1")));
        assertTrue(missing.getMessage().contains("Customer Care Requests - English"), missing.getMessage());
    }

    @Test
    void aDefinitionNamingAnUndefinedActivityIsRefusedWithTheName() {
        String yaml = """
                friendly_name: Broken
                activities:
                  - friendly_name: Offline
                workers:
                  - friendly_name: Carol
                    activity: Lunch
                """;

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkspaceDefinition.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "broken.yaml"));
        assertTrue(refused.getMessage().contains("Lunch"), refused.getMessage());
    }

    @Test
    void aMisspelledKeyIsRefused() {
        String yaml = """
                friendly_name: Typo
                activities:
                  - friendly_name: Offline
                    avaliable: true
                """;

        assertThrows(IllegalArgumentException.class,
                () -> WorkspaceDefinition.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "typo.yaml"));
    }
}
