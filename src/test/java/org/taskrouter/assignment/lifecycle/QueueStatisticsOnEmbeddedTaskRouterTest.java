package org.taskrouter.assignment.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.taskrouter.assignment.lifecycle.QuickstartLifecycleTest.operator;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The embedded TaskRouter's RealTimeStatistics, through {@code GET /api/queues}, computed from its state. */
@QuarkusTest
@TestProfile(EmbeddedTaskRouterProfile.class)
class QueueStatisticsOnEmbeddedTaskRouterTest {

    static final String SPANISH = "Customer Care Requests - Spanish";
    static final String ENGLISH = "Customer Care Requests - English";

    @Test
    void countsTheWorkersEachQueueAdmitsAndTheTasksItHolds() throws InterruptedException {
        String task = operator().contentType("application/json")
                .body("{\"attributes\":{\"selected_language\":\"es\"},\"timeout\":600}")
                .when().post("/api/tasks").then().statusCode(201).extract().path("sid");
        Thread.sleep(1_100); // past the %test profile's 1 s cache

        JsonPath queues = operator().when().get("/api/queues").then().statusCode(200)
                .body("friendlyName", containsInAnyOrder(SPANISH, ENGLISH))
                .extract().jsonPath();
        Map<String, Object> spanish = queues.getMap("find { it.friendlyName == '" + SPANISH + "' }");
        Map<String, Object> english = queues.getMap("find { it.friendlyName == '" + ENGLISH + "' }");
        // Alice speaks es and en, Bob en
        assertEquals(1, spanish.get("totalEligibleWorkers"));
        assertEquals(2, english.get("totalEligibleWorkers"));
        org.hamcrest.MatcherAssert.assertThat((Integer) spanish.get("totalTasks"), greaterThanOrEqualTo(1));

        operator().contentType("application/json").body("{\"reason\":\"test over\"}")
                .when().post("/api/tasks/" + task + "/cancel").then().statusCode(200);
    }

    @Test
    void answersWithTheFieldsOfTheOfficialOpenApiFile() {
        String queue = given().auth().preemptive().basic("AC00000000000000000000000000000000", "test-auth-token")
                .when().get("/v1/Workspaces/" + EmbeddedTaskRouterProfile.SEEDED.workspaceSid() + "/TaskQueues")
                .then().statusCode(200).extract().path("task_queues[0].sid");
        JsonPath figures = given().auth().preemptive().basic("AC00000000000000000000000000000000", "test-auth-token")
                .when().get("/v1/Workspaces/" + EmbeddedTaskRouterProfile.SEEDED.workspaceSid() + "/TaskQueues/"
                        + queue + "/RealTimeStatistics")
                .then().statusCode(200)
                .body("task_queue_sid", equalTo(queue))
                .body("tasks_by_status", hasKey("pending"))
                .extract().jsonPath();
        // task_queue_real_time_statistics in twilio_taskrouter_v1.json, every property and no other
        assertEquals(Set.of("account_sid", "activity_statistics", "longest_task_waiting_age",
                "longest_task_waiting_sid", "longest_relative_task_age_in_queue", "longest_relative_task_sid_in_queue",
                "task_queue_sid", "tasks_by_priority", "tasks_by_status", "total_available_workers",
                "total_eligible_workers", "total_tasks", "workspace_sid", "url"),
                figures.getMap("$").keySet());
        assertEquals(List.of(), figures.getList("activity_statistics"));
    }
}
