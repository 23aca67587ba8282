package org.taskrouter.assignment.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.lifecycle.QuickstartLifecycleTest.operator;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.feed.EventCatchUp;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The embedded TaskRouter's event log, {@code GET /Events}: the events it posted, with the official fields. */
@QuarkusTest
@TestProfile(EmbeddedTaskRouterProfile.class)
class EventLogOnEmbeddedTaskRouterTest {

    static final String EVENTS = "/v1/Workspaces/" + EmbeddedTaskRouterProfile.SEEDED.workspaceSid() + "/Events";

    @Inject
    EventCatchUp catchUp;

    private static JsonPath get(String urlOrPath) {
        return given().auth().preemptive().basic("AC00000000000000000000000000000000", "test-auth-token")
                // a next_page_url is encoded already
                .urlEncodingEnabled(!urlOrPath.startsWith("http"))
                .when().get(urlOrPath).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void listsWhatItPostedPagedWithTheOfficialFieldsAndFilteredByTask() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        String task = operator().contentType("application/json")
                .body("{\"attributes\":{\"selected_language\":\"es\"},\"timeout\":600}")
                .when().post("/api/tasks").then().statusCode(201).extract().path("sid");

        List<Map<String, Object>> all = new ArrayList<>();
        String next = EVENTS + "?StartDate=" + before + "&TaskSid=" + task + "&PageSize=2";
        int pages = 0;
        while (next != null) {
            JsonPath page = get(next);
            all.addAll(page.getList("events"));
            next = page.getString("meta.next_page_url");
            pages++;
        }
        List<Object> types = all.stream().map(e -> e.get("event_type")).toList();
        assertTrue(types.containsAll(List.of("task.created", "task-queue.entered", "reservation.created")), types.toString());
        assertTrue(pages >= 2, "two per page: " + pages + " pages");
        all.forEach(e -> assertEquals(task, ((Map<?, ?>) e.get("event_data")).get("task_sid")));

        Set<String> official = new HashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/twilio-oai/twilio_taskrouter_v1.json")) {
            new ObjectMapper().readTree(in).path("components").path("schemas").path("taskrouter.v1.workspace.event")
                    .path("properties").fieldNames().forEachRemaining(official::add);
        }
        assertEquals(official, all.get(0).keySet());
    }

    @Test
    void aCatchUpFromTheLogAddsNothingTheCallbacksAlreadyDelivered() {
        Instant before = Instant.now().minusSeconds(1);
        String task = operator().contentType("application/json")
                .body("{\"attributes\":{\"selected_language\":\"en\"},\"timeout\":600}")
                .when().post("/api/tasks").then().statusCode(201).extract().path("sid");
        await().atMost(Duration.ofSeconds(5)).until(() -> operator().get("/api/events?limit=500").then().extract()
                .jsonPath().getList("findAll { it.taskSid == '" + task + "' && it.eventType == 'reservation.created' }")
                .size() == 1);
        // every event logged so far has had its callback delivered
        List<String> logged = get(EVENTS + "?StartDate=" + before + "&PageSize=1000").getList("events.sid");
        await().atMost(Duration.ofSeconds(5)).until(() -> operator().get("/api/events?limit=500").then().extract()
                .jsonPath().getList("sid").containsAll(logged));

        assertEquals(0, catchUp.catchUp(before).await().atMost(Duration.ofSeconds(10)));
    }
}
