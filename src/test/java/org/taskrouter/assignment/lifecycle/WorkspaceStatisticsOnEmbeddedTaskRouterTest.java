package org.taskrouter.assignment.lifecycle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.lifecycle.QuickstartLifecycleTest.operator;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The embedded TaskRouter's Workspace RealTimeStatistics: the official fields, computed from its state. */
@QuarkusTest
@TestProfile(EmbeddedTaskRouterProfile.class)
class WorkspaceStatisticsOnEmbeddedTaskRouterTest {

    private static final String STATISTICS = "/v1/Workspaces/" + EmbeddedTaskRouterProfile.SEEDED.workspaceSid()
            + "/RealTimeStatistics";

    @Test
    void answersWithEveryFieldOfTheOfficialOpenApiFileAndNoOther() throws IOException {
        Set<String> official = new HashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/twilio-oai/twilio_taskrouter_v1.json")) {
            JsonNode schema = new ObjectMapper().readTree(in).path("components").path("schemas")
                    .path("taskrouter.v1.workspace.workspace_real_time_statistics").path("properties");
            schema.fieldNames().forEachRemaining(official::add);
        }
        assertTrue(official.contains("total_workers"), "the schema was found in the OpenAPI file");

        assertEquals(official, statistics().getMap("$").keySet());
    }

    @Test
    void countsOpenTasksByStatusAndPriorityAndWorkersByActivity() {
        String task = operator().contentType("application/json")
                .body("{\"attributes\":{\"selected_language\":\"es\"},\"priority\":7,\"timeout\":600}")
                .when().post("/api/tasks").then().statusCode(201).extract().path("sid");
        try {
            JsonPath figures = statistics();
            // other tests of this profile may have added Workers: compare with the Workspace's own list
            int workers = operator().when().get("/api/workers").then().statusCode(200).extract()
                    .jsonPath().getList("$").size();
            assertEquals(workers, figures.getInt("total_workers"));
            int open = figures.getInt("total_tasks");
            Map<String, Integer> byStatus = figures.getMap("tasks_by_status");
            assertEquals(open, byStatus.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(figures.getInt("tasks_by_priority.'7'") >= 1, "the priority-7 Task is counted");
            List<Map<String, Object>> byActivity = figures.getList("activity_statistics");
            assertTrue(byActivity.stream().map(a -> (String) a.get("friendly_name")).toList()
                    .containsAll(List.of("Offline", "Idle", "Busy", "Reserved", "WrapUp")));
            assertEquals(workers, byActivity.stream().mapToInt(a -> (Integer) a.get("workers")).sum());
        } finally {
            operator().contentType("application/json").body("{\"reason\":\"test over\"}")
                    .when().post("/api/tasks/" + task + "/cancel");
        }
    }

    private static JsonPath statistics() {
        return given().auth().preemptive().basic("AC00000000000000000000000000000000", "test-auth-token")
                .when().get(STATISTICS).then().statusCode(200).extract().jsonPath();
    }
}
