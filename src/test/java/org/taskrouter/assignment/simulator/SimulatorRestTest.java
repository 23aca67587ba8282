package org.taskrouter.assignment.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.taskrouter.assignment.simulator.TaskRouterApi.ALICE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.BOB;
import static org.taskrouter.assignment.simulator.TaskRouterApi.BUSY;
import static org.taskrouter.assignment.simulator.TaskRouterApi.ENGLISH;
import static org.taskrouter.assignment.simulator.TaskRouterApi.IDLE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.OFFLINE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.RESERVED;
import static org.taskrouter.assignment.simulator.TaskRouterApi.SPANISH;
import static org.taskrouter.assignment.simulator.TaskRouterApi.WORKFLOW;
import static org.taskrouter.assignment.simulator.TaskRouterApi.WORKSPACE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.api;
import static org.taskrouter.assignment.simulator.TaskRouterApi.createTask;
import static org.taskrouter.assignment.simulator.TaskRouterApi.path;
import static org.taskrouter.assignment.simulator.TaskRouterApi.post;
import static org.taskrouter.assignment.simulator.TaskRouterApi.updateTask;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The simulator's REST surface: shapes, credentials, errors and paging, as in TaskRouter's OpenAPI description. */
@QuarkusTest
@TestProfile(SimulatorTestProfile.class)
class SimulatorRestTest {

    @Inject
    TaskRouterSimulator simulator;

    @BeforeEach
    void freshWorkspace() {
        simulator.reset();
        TestCallbacks.reset();
    }

    @Test
    void seededWorkspaceHasTheQuickstartsActivitiesWorkersQueuesAndWorkflow() {
        api().get("/v1/Workspaces/" + WORKSPACE).then().statusCode(200)
                .body("sid", equalTo(WORKSPACE))
                .body("account_sid", equalTo(SimulatorTestProfile.ACCOUNT_SID))
                .body("friendly_name", equalTo("TaskRouter Quickstart"))
                .body("event_callback_url", equalTo(SimulatorTestProfile.EVENTS_URL))
                .body("timeout_activity_sid", equalTo(OFFLINE))
                .body("default_activity_name", equalTo("Offline"));

        api().get(path("Activities")).then().statusCode(200)
                .body("activities.friendly_name", containsInAnyOrder("Offline", "Idle", "Busy", "Reserved", "WrapUp"))
                .body("activities.find { it.friendly_name == 'Idle' }.available", equalTo(true))
                .body("activities.find { it.friendly_name == 'WrapUp' }.available", equalTo(false))
                .body("meta.key", equalTo("activities"));

        api().get(path("Workers")).then().statusCode(200)
                .body("workers.sid", containsInAnyOrder(ALICE, BOB))
                .body("workers.find { it.friendly_name == 'Alice' }.attributes", equalTo("{\"languages\":[\"en\",\"es\"]}"))
                .body("workers.find { it.friendly_name == 'Bob' }.activity_name", equalTo("Idle"))
                .body("workers.find { it.friendly_name == 'Bob' }.available", equalTo(true));

        api().get(path("TaskQueues/" + SPANISH)).then().statusCode(200)
                .body("friendly_name", equalTo("Customer Care Requests - Spanish"))
                .body("target_workers", equalTo("languages HAS \"es\""))
                .body("reservation_activity_sid", equalTo(RESERVED))
                .body("assignment_activity_sid", equalTo(BUSY))
                .body("task_order", equalTo("FIFO"));

        String configuration = api().get(path("Workflows/" + WORKFLOW)).then().statusCode(200)
                .body("friendly_name", equalTo("Customer Care Workflow"))
                .body("assignment_callback_url", equalTo(SimulatorTestProfile.ASSIGNMENT_URL))
                .body("task_reservation_timeout", equalTo(120))
                .body("fallback_assignment_callback_url", nullValue())
                .extract().path("configuration");
        JsonPath routing = JsonPath.from(configuration);
        assertEquals("selected_language == \"es\"", routing.getString("task_routing.filters[0].expression"));
        assertEquals(SPANISH, routing.getString("task_routing.filters[0].targets[0].queue"));
        assertEquals(ENGLISH, routing.getString("task_routing.default_filter.queue"));
    }

    @Test
    void createdTaskHasTaskRoutersJsonShape() {
        post("Tasks", Map.of("Attributes", "{\"selected_language\":\"es\"}", "WorkflowSid", WORKFLOW, "Priority", "5",
                "Timeout", "600", "TaskChannel", "voice"))
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .body("sid", startsWith("WT"))
                .body("account_sid", equalTo(SimulatorTestProfile.ACCOUNT_SID))
                .body("workspace_sid", equalTo(WORKSPACE))
                .body("workflow_sid", equalTo(WORKFLOW))
                .body("workflow_friendly_name", equalTo("Customer Care Workflow"))
                .body("task_queue_sid", equalTo(SPANISH))
                .body("attributes", equalTo("{\"selected_language\":\"es\"}"))
                .body("priority", equalTo(5))
                .body("timeout", equalTo(600))
                .body("task_channel_unique_name", equalTo("voice"))
                .body("assignment_status", equalTo("reserved"))
                .body("date_created", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("reason", nullValue())
                .body("links.reservations", containsString("/Reservations"));
    }

    @Test
    void wrongOrMissingCredentialsAre401WithTwilioErrorJson() {
        given().get(path("Workers")).then().statusCode(401)
                .body("code", equalTo(20003))
                .body("message", equalTo("Authenticate"))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/20003"))
                .body("status", equalTo(401));
        given().auth().preemptive().basic(SimulatorTestProfile.ACCOUNT_SID, "wrong-token")
                .get(path("Workers")).then().statusCode(401).body("code", equalTo(20003));
    }

    @Test
    void unknownWorkspaceOrTaskIs404WithTheResourcePath() {
        String unknownTask = "WT" + "0".repeat(32);
        api().get(path("Tasks/" + unknownTask)).then().statusCode(404)
                .body("code", equalTo(20404))
                .body("message", equalTo("The requested resource /Workspaces/" + WORKSPACE + "/Tasks/" + unknownTask + " was not found"))
                .body("status", equalTo(404));
        api().get("/v1/Workspaces/WS" + "1".repeat(32) + "/Tasks").then().statusCode(404).body("code", equalTo(20404));
        api().get(path("Workers/" + ALICE + "/Reservations/WR" + "2".repeat(32))).then().statusCode(404)
                .body("code", equalTo(20404));
    }

    @Test
    void badFormValuesAre400NamingTheField() {
        post("Tasks", Map.of("Attributes", "{not json", "WorkflowSid", WORKFLOW)).then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("Attributes"));
        post("Tasks", Map.of("Attributes", "{}", "WorkflowSid", "WW" + "9".repeat(32))).then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("WorkflowSid"));
        post("Tasks", Map.of("Attributes", "{}", "Priority", "high")).then().statusCode(400)
                .body("message", containsString("Priority"));
        post("Workers/" + ALICE, Map.of("ActivitySid", "WA" + "9".repeat(32))).then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("ActivitySid"));
        api().queryParam("AssignmentStatus", "sleeping").get(path("Tasks")).then().statusCode(400)
                .body("message", containsString("AssignmentStatus"));
        post("TaskQueues", Map.of("FriendlyName", "Broken", "TaskOrder", "RANDOM")).then().statusCode(400)
                .body("message", containsString("TaskOrder"));
        post("Workflows", Map.of("FriendlyName", "Broken", "Configuration", "{\"task_routing\":{\"default_filter\":{\"queue\":\"WQnope\"}}}"))
                .then().statusCode(400).body("message", containsString("Configuration"));
    }

    @Test
    void ifMatchNamingAnOldVersionIs412AndTheCurrentEtagSucceeds() {
        TestCallbacks.answerWith(200, "{}");
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        String etag = api().get(path("Tasks/" + taskSid)).then().statusCode(200).extract().header("ETag");

        api().header("If-Match", "\"0\"").contentType("application/x-www-form-urlencoded")
                .formParam("Attributes", "{\"selected_language\":\"es\",\"vip\":true}")
                .post(path("Tasks/" + taskSid)).then().statusCode(412).body("code", equalTo(20001));

        String newEtag = api().header("If-Match", etag).contentType("application/x-www-form-urlencoded")
                .formParam("Attributes", "{\"selected_language\":\"es\",\"vip\":true}")
                .post(path("Tasks/" + taskSid)).then().statusCode(200)
                .body("attributes", equalTo("{\"selected_language\":\"es\",\"vip\":true}"))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, newEtag);
    }

    @Test
    void listsArePagedAndNextPageUrlIsFollowable() {
        for (int i = 0; i < 5; i++) {
            createTask("{\"n\":" + i + "}");
        }
        JsonPath first = api().queryParam("PageSize", 2).get(path("Tasks")).then().statusCode(200)
                .body("tasks", hasSize(2))
                .body("meta.page", equalTo(0))
                .body("meta.page_size", equalTo(2))
                .body("meta.key", equalTo("tasks"))
                .body("meta.previous_page_url", nullValue())
                .extract().jsonPath();
        String next = first.getString("meta.next_page_url");
        assertEquals(true, next.startsWith("http://localhost:"), next);

        JsonPath second = api().get(next).then().statusCode(200).body("tasks", hasSize(2))
                .body("meta.page", equalTo(1)).extract().jsonPath();
        JsonPath third = api().get(second.getString("meta.next_page_url")).then().statusCode(200)
                .body("tasks", hasSize(1)).body("meta.next_page_url", nullValue()).extract().jsonPath();

        java.util.Set<Object> seen = new java.util.HashSet<>();
        seen.addAll(first.getList("tasks.sid"));
        seen.addAll(second.getList("tasks.sid"));
        seen.addAll(third.getList("tasks.sid"));
        assertEquals(5, seen.size());
    }

    @Test
    void tasksAreFilteredByRepeatedOrCommaSeparatedAssignmentStatus() {
        String reserved = createTask("{\"selected_language\":\"es\"}");
        String alsoReserved = createTask("{\"selected_language\":\"en\"}");
        String pending = createTask("{\"selected_language\":\"en\"}");

        api().queryParam("AssignmentStatus", "pending").get(path("Tasks")).then().statusCode(200)
                .body("tasks.sid", containsInAnyOrder(pending));
        api().queryParam("AssignmentStatus", "pending,reserved").get(path("Tasks")).then().statusCode(200)
                .body("tasks.sid", containsInAnyOrder(reserved, alsoReserved, pending));
        api().queryParam("AssignmentStatus", "pending").queryParam("AssignmentStatus", "reserved").get(path("Tasks"))
                .then().statusCode(200).body("tasks.sid", hasSize(3));
    }

    @Test
    void workersAreFilteredByAvailability() {
        TaskRouterApi.setActivity(BOB, OFFLINE);
        api().queryParam("Available", "true").get(path("Workers")).then().statusCode(200)
                .body("workers.sid", containsInAnyOrder(ALICE));
        api().queryParam("ActivitySid", OFFLINE).get(path("Workers")).then().statusCode(200)
                .body("workers.sid", containsInAnyOrder(BOB));
        TaskRouterApi.setActivity(BOB, IDLE);
    }

    @Test
    void completingACompletedTaskIs400SayingItCannot() {
        String taskSid = createTask("{\"selected_language\":\"es\"}");
        updateTask(taskSid, Map.of("AssignmentStatus", "completed")).then().statusCode(400)
                .body("code", equalTo(20001))
                .body("message", equalTo("Task " + taskSid + " cannot be completed: its assignment status is reserved, "
                        + "not assigned or wrapping"));
    }

    @Test
    void createdWorkersActivitiesQueuesAndWorkflowsCanBeFetched() {
        String activity = post("Activities", Map.of("FriendlyName", "Lunch", "Available", "false"))
                .then().statusCode(201).body("sid", startsWith("WA")).body("available", equalTo(false))
                .extract().path("sid");
        String worker = post("Workers", Map.of("FriendlyName", "Carol", "Attributes", "{\"languages\":[\"fr\"]}",
                "ActivitySid", activity)).then().statusCode(201).body("activity_name", equalTo("Lunch"))
                .extract().path("sid");
        api().get(path("Workers/" + worker)).then().statusCode(200).body("friendly_name", equalTo("Carol"));
        String queue = post("TaskQueues", Map.of("FriendlyName", "French", "TargetWorkers", "languages HAS \"fr\""))
                .then().statusCode(201).body("sid", startsWith("WQ")).extract().path("sid");
        post("Workflows", Map.of("FriendlyName", "French", "Configuration",
                "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\"" + queue + "\"}}}",
                "TaskReservationTimeout", "30"))
                .then().statusCode(201).body("sid", startsWith("WW")).body("task_reservation_timeout", equalTo(30));
        api().queryParam("FriendlyName", "French").get(path("TaskQueues")).then().statusCode(200)
                .body("task_queues.sid", containsInAnyOrder(queue));
    }
}
