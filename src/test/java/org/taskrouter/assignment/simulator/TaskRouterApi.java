package org.taskrouter.assignment.simulator;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls the simulator's REST API the way a TaskRouter client does: HTTP Basic, form bodies, the seeded SIDs. */
final class TaskRouterApi {

    static final SeededWorkspace SEEDED = SeededWorkspace.of(WorkspaceDefinition.loadQuickstart());
    static final String WORKSPACE = SEEDED.workspaceSid();
    static final String WORKFLOW = SEEDED.workflowSid();
    static final String ALICE = SEEDED.workerSid("Alice");
    static final String BOB = SEEDED.workerSid("Bob");
    static final String IDLE = SEEDED.activitySid("Idle");
    static final String OFFLINE = SEEDED.activitySid("Offline");
    static final String BUSY = SEEDED.activitySid("Busy");
    static final String RESERVED = SEEDED.activitySid("Reserved");
    static final String WRAP_UP = SEEDED.activitySid("WrapUp");
    static final String SPANISH = SEEDED.taskQueueSid("Customer Care Requests - Spanish");
    static final String ENGLISH = SEEDED.taskQueueSid("Customer Care Requests - English");

    private TaskRouterApi() {
    }

    /** A request with the test account's credentials. */
    static RequestSpecification api() {
        return given().auth().preemptive().basic(SimulatorTestProfile.ACCOUNT_SID, SimulatorTestProfile.AUTH_TOKEN);
    }

    /** The path of something in the seeded Workspace, e.g. {@code Tasks}. */
    static String path(String relative) {
        return "/v1/Workspaces/" + WORKSPACE + "/" + relative;
    }

    static Response post(String relative, Map<String, ?> form) {
        return api().contentType(ContentType.URLENC).formParams(form).post(path(relative));
    }

    /** Creates a Task in the quickstart's Workflow and returns its SID. */
    static String createTask(String attributes) {
        return post("Tasks", Map.of("Attributes", attributes, "WorkflowSid", WORKFLOW))
                .then().statusCode(201).extract().path("sid");
    }

    static String taskStatus(String taskSid) {
        return api().get(path("Tasks/" + taskSid)).then().statusCode(200).extract().path("assignment_status");
    }

    static String activityOf(String workerSid) {
        return api().get(path("Workers/" + workerSid)).then().statusCode(200).extract().path("activity_sid");
    }

    /** The SID of the Task's only pending Reservation, or null. */
    static String pendingReservation(String taskSid) {
        return api().queryParam("ReservationStatus", "pending").get(path("Tasks/" + taskSid + "/Reservations"))
                .then().statusCode(200).extract().path("reservations[0].sid");
    }

    /** The Worker of the Task's only pending Reservation, or null. */
    static String pendingWorker(String taskSid) {
        return api().queryParam("ReservationStatus", "pending").get(path("Tasks/" + taskSid + "/Reservations"))
                .then().statusCode(200).extract().path("reservations[0].worker_sid");
    }

    static Response answerReservation(String taskSid, String reservationSid, Map<String, ?> form) {
        return post("Tasks/" + taskSid + "/Reservations/" + reservationSid, form);
    }

    static Response updateTask(String taskSid, Map<String, ?> form) {
        return post("Tasks/" + taskSid, form);
    }

    static void setActivity(String workerSid, String activitySid) {
        post("Workers/" + workerSid, Map.of("ActivitySid", activitySid)).then().statusCode(200);
    }
}
