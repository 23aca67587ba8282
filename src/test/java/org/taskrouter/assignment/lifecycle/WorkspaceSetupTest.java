package org.taskrouter.assignment.lifecycle;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.lifecycle.QuickstartLifecycleTest.operator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.setup.SetupResult;
import org.taskrouter.assignment.setup.WorkspaceProvisioner;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(EmbeddedTaskRouterProfile.class)
class WorkspaceSetupTest {

    static final String BASE = "https://callbacks.example.test";

    @Inject
    WorkspaceProvisioner provisioner;

    @Test
    void findsTheQuickstartWorkspaceByNameAndAnswersItsEnvLines() {
        operator().when().post("/api/setup").then().statusCode(200)
                .body("workspaceSid", equalTo(EmbeddedTaskRouterProfile.SEEDED.workspaceSid()))
                .body("steps.created", everyItem(equalTo(false)))
                .body("steps.friendlyName", hasItem("Customer Care Workflow"))
                .body("envLines", hasItem("TWILIO_WORKER_ALICE_SID=" + EmbeddedTaskRouterProfile.ALICE))
                .body("envLines", hasItem("TWILIO_WORKFLOW_SID=" + EmbeddedTaskRouterProfile.SEEDED.workflowSid()))
                .body("envLines", hasItem("TWILIO_POST_WORKER_ACTIVITY="
                        + EmbeddedTaskRouterProfile.SEEDED.activitySid("WrapUp")));
    }

    @Test
    void createsWhatIsMissingOnceAndFindsItTheSecondTime() {
        WorkspaceDefinition extra = WorkspaceDefinition.load(new ByteArrayInputStream("""
                friendly_name: Setup test
                event_callback_path: /events
                activities:
                  - friendly_name: Offline
                    available: false
                  - friendly_name: Lunch
                    available: false
                  - friendly_name: Ready
                    available: true
                workers:
                  - friendly_name: Carol
                    activity: Ready
                    attributes:
                      languages: [fr]
                task_queues:
                  - friendly_name: French
                    target_workers: languages HAS "fr"
                workflows:
                  - friendly_name: French Workflow
                    assignment_callback_path: /assignment_callback
                    filters:
                      - filter_friendly_name: French
                        expression: selected_language == "fr"
                        queue: French
                    default_queue: French
                """.getBytes(StandardCharsets.UTF_8)), "test definition");

        SetupResult first = provisioner.provision(extra, BASE, List.of()).await().atMost(Duration.ofSeconds(10));
        SetupResult second = provisioner.provision(extra, BASE, List.of()).await().atMost(Duration.ofSeconds(10));

        assertEquals(List.of("Offline"), first.steps().stream().filter(s -> !s.created())
                .map(SetupResult.Step::friendlyName).toList(), "only Offline existed before");
        assertTrue(second.steps().stream().noneMatch(SetupResult.Step::created), "the second run creates nothing");
        assertEquals(first.steps().stream().map(SetupResult.Step::sid).toList(),
                second.steps().stream().map(SetupResult.Step::sid).toList(), "the same resources both times");

        long lunches = operator().when().get("/api/activities").then().statusCode(200).extract().jsonPath()
                .getList("friendlyName", String.class).stream().filter("Lunch"::equals).count();
        assertEquals(1, lunches);

        // the new Workflow routes to the new queue, and Carol (Ready, French) gets the Task
        String workflowSid = second.steps().stream().filter(s -> s.kind().equals("workflow")).findFirst().orElseThrow().sid();
        String carol = second.steps().stream().filter(s -> s.friendlyName().equals("Carol")).findFirst().orElseThrow().sid();
        io.restassured.RestAssured.given().auth().preemptive().basic("AC00000000000000000000000000000000", "test-auth-token")
                .when().get("/v1/Workspaces/" + EmbeddedTaskRouterProfile.SEEDED.workspaceSid() + "/Workflows/" + workflowSid)
                .then().statusCode(200)
                .body("assignment_callback_url", equalTo(BASE + "/assignment_callback"))
                .body("configuration", org.hamcrest.Matchers.containsString("selected_language == \\\"fr\\\""));
        operator().when().get("/api/workers").then().statusCode(200)
                .body("find { it.sid == '" + carol + "' }.activityName", equalTo("Ready"));
    }
}
