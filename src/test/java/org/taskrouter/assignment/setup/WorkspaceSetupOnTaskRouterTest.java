package org.taskrouter.assignment.setup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.taskrouter.assignment.lifecycle.QuickstartLifecycleTest.operator;
import static org.taskrouter.assignment.support.TaskRouterStubJson.WORKSPACE;
import static org.taskrouter.assignment.support.TaskRouterStubJson.WORKSPACE_PATH;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.TaskRouterStubJson;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code POST /api/setup} against a TaskRouter that is not the embedded one: the quickstart Workspace, read from
 * the packaged YAML resource, becomes the exact REST calls Twilio documents, in order, with the SIDs TaskRouter
 * hands out substituted where one resource names another.
 */
@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
class WorkspaceSetupOnTaskRouterTest {

    static final String PUBLIC = "https://callbacks.example.test";

    /** The SIDs the fake TaskRouter hands out, by friendly name, in the order the YAML file lists them. */
    static final Map<String, String> ACTIVITIES = new LinkedHashMap<>();
    static {
        ACTIVITIES.put("Offline", "WA000000000000000000000000000000f1");
        ACTIVITIES.put("Idle", "WA000000000000000000000000000000f2");
        ACTIVITIES.put("Busy", "WA000000000000000000000000000000f3");
        ACTIVITIES.put("Reserved", "WA000000000000000000000000000000f4");
        ACTIVITIES.put("WrapUp", "WA000000000000000000000000000000f5");
    }
    static final String SPANISH = "WQ000000000000000000000000000000e5";
    static final String ENGLISH = "WQ000000000000000000000000000000e6";
    static final String ALICE = "WK000000000000000000000000000000a1";
    static final String BOB = "WK000000000000000000000000000000b2";
    static final String WORKFLOW = "WW000000000000000000000000000000c3";

    @InjectWireMock
    WireMockServer taskRouter;

    @BeforeEach
    void reset() {
        taskRouter.resetAll();
        taskRouter.stubFor(post(urlEqualTo(WORKSPACE_PATH))
                .willReturn(okJson(TaskRouterStubJson.workspace(PUBLIC + "/events", ACTIVITIES.get("Offline")))));
    }

    private void listAnswers(String resource, String key, String... items) {
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/" + resource))
                .willReturn(okJson(TaskRouterStubJson.page(key, null, items))));
    }

    private void createAnswers(String resource, String friendlyName, String json) {
        taskRouter.stubFor(post(urlEqualTo(WORKSPACE_PATH + "/" + resource))
                .withFormParam("FriendlyName", equalTo(friendlyName))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(json)));
    }

    private void emptyWorkspaceCreatesEverything() {
        listAnswers("Activities", "activities");
        listAnswers("TaskQueues", "task_queues");
        listAnswers("Workers", "workers");
        listAnswers("Workflows", "workflows");
        ACTIVITIES.forEach((name, sid) -> createAnswers("Activities", name,
                TaskRouterStubJson.activity(sid, name, "Idle".equals(name))));
        createAnswers("TaskQueues", "Customer Care Requests - Spanish",
                TaskRouterStubJson.taskQueue(SPANISH, "Customer Care Requests - Spanish", "languages HAS \"es\""));
        createAnswers("TaskQueues", "Customer Care Requests - English",
                TaskRouterStubJson.taskQueue(ENGLISH, "Customer Care Requests - English", "languages HAS \"en\""));
        createAnswers("Workers", "Alice", TaskRouterStubJson.worker(ALICE, "Alice", ACTIVITIES.get("Idle"), "Idle", true));
        createAnswers("Workers", "Bob", TaskRouterStubJson.worker(BOB, "Bob", ACTIVITIES.get("Idle"), "Idle", true));
        createAnswers("Workflows", "Customer Care Workflow",
                TaskRouterStubJson.workflow(WORKFLOW, "Customer Care Workflow", PUBLIC + "/assignment_callback"));
    }

    @Test
    void createsTheQuickstartWorkspaceInAnEmptyOneAndAnswersItsEnvLines() {
        emptyWorkspaceCreatesEverything();

        operator().when().post("/api/setup").then().statusCode(200)
                .body("workspaceSid", org.hamcrest.Matchers.equalTo(WORKSPACE))
                .body("steps.friendlyName", contains("Offline", "Idle", "Busy", "Reserved", "WrapUp",
                        "Customer Care Requests - Spanish", "Customer Care Requests - English", "Alice", "Bob",
                        "Customer Care Workflow"))
                .body("steps.created", everyItem(org.hamcrest.Matchers.equalTo(true)))
                .body("envLines", contains("TWILIO_WORKSPACE_SID=" + WORKSPACE, "TWILIO_WORKFLOW_SID=" + WORKFLOW,
                        "TWILIO_WORKER_ALICE_SID=" + ALICE, "TWILIO_WORKER_BOB_SID=" + BOB,
                        "TWILIO_POST_WORKER_ACTIVITY=" + ACTIVITIES.get("WrapUp")));
    }

    @Test
    void namesTheSidsTaskRouterHandedOutWhereOneResourceRefersToAnother() {
        emptyWorkspaceCreatesEverything();

        operator().when().post("/api/setup").then().statusCode(200);

        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Activities"))
                .withFormParam("FriendlyName", equalTo("Idle")).withFormParam("Available", equalTo("true")));
        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/TaskQueues"))
                .withFormParam("FriendlyName", equalTo("Customer Care Requests - Spanish"))
                .withFormParam("TargetWorkers", equalTo("languages HAS \"es\""))
                .withFormParam("ReservationActivitySid", equalTo(ACTIVITIES.get("Reserved")))
                .withFormParam("AssignmentActivitySid", equalTo(ACTIVITIES.get("Busy"))));
        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Workers"))
                .withFormParam("FriendlyName", equalTo("Alice"))
                .withFormParam("Attributes", equalTo("{\"languages\":[\"en\",\"es\"]}"))
                .withFormParam("ActivitySid", equalTo(ACTIVITIES.get("Idle"))));
        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Workflows"))
                .withFormParam("FriendlyName", equalTo("Customer Care Workflow"))
                .withFormParam("AssignmentCallbackUrl", equalTo(PUBLIC + "/assignment_callback"))
                .withFormParam("TaskReservationTimeout", equalTo("120"))
                .withFormParam("Configuration", containing("\"queue\":\"" + SPANISH + "\""))
                .withFormParam("Configuration", containing("selected_language == \\\"es\\\""))
                .withFormParam("Configuration", containing("\"default_filter\":{\"queue\":\"" + ENGLISH + "\"}")));
        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH))
                .withFormParam("EventCallbackUrl", equalTo(PUBLIC + "/events"))
                .withFormParam("TimeoutActivitySid", equalTo(ACTIVITIES.get("Offline"))));
    }

    @Test
    void findsWhatExistsByNameCreatesNothingAndRePointsTheWorkflow() {
        listAnswers("Activities", "activities", ACTIVITIES.entrySet().stream()
                .map(activity -> TaskRouterStubJson.activity(activity.getValue(), activity.getKey(), false))
                .toArray(String[]::new));
        listAnswers("TaskQueues", "task_queues",
                TaskRouterStubJson.taskQueue(SPANISH, "Customer Care Requests - Spanish", "languages HAS \"es\""),
                TaskRouterStubJson.taskQueue(ENGLISH, "Customer Care Requests - English", "languages HAS \"en\""));
        listAnswers("Workers", "workers",
                TaskRouterStubJson.worker(ALICE, "Alice", ACTIVITIES.get("Idle"), "Idle", true),
                TaskRouterStubJson.worker(BOB, "Bob", ACTIVITIES.get("Idle"), "Idle", true));
        listAnswers("Workflows", "workflows",
                TaskRouterStubJson.workflow(WORKFLOW, "Customer Care Workflow", "https://old.example/assignment_callback"));
        taskRouter.stubFor(post(urlEqualTo(WORKSPACE_PATH + "/Workflows/" + WORKFLOW))
                .willReturn(okJson(TaskRouterStubJson.workflow(WORKFLOW, "Customer Care Workflow",
                        PUBLIC + "/assignment_callback"))));

        operator().when().post("/api/setup").then().statusCode(200)
                .body("steps.created", everyItem(org.hamcrest.Matchers.equalTo(false)))
                .body("envLines", hasItems("TWILIO_WORKFLOW_SID=" + WORKFLOW, "TWILIO_WORKER_BOB_SID=" + BOB));

        taskRouter.verify(0, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Activities")));
        taskRouter.verify(0, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/TaskQueues")));
        taskRouter.verify(0, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Workers")));
        taskRouter.verify(0, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Workflows")));
        taskRouter.verify(postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Workflows/" + WORKFLOW))
                .withFormParam("AssignmentCallbackUrl", equalTo(PUBLIC + "/assignment_callback")));
    }

    @Test
    void answers503SayingSoWhenTaskRouterIsUnavailableThroughout() {
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE_PATH + "/Activities"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(TaskRouterStubJson.error(20503, "Service unavailable", 503))));

        operator().when().post("/api/setup").then().statusCode(503)
                .body("status", org.hamcrest.Matchers.equalTo(503))
                .body("error", org.hamcrest.Matchers.containsString("TaskRouter"));
        taskRouter.verify(0, postRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Activities")));
    }
}
