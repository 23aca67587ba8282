package org.taskrouter.assignment.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.support.TaskRouterStubJson.ALICE;
import static org.taskrouter.assignment.support.TaskRouterStubJson.RESERVATION;
import static org.taskrouter.assignment.support.TaskRouterStubJson.TASK;
import static org.taskrouter.assignment.support.TaskRouterStubJson.WORKSPACE_PATH;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.ConfigOverrides;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.TaskRouterStubJson;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged service logs JSON on the console as in production (the test profile otherwise keeps text), one
 * object a line, and a line about an operator's decision carries its SIDs as fields a log search can ask for.
 */
@QuarkusIntegrationTest
@WithTestResource(TaskRouterWireMock.class)
@TestProfile(JsonLogIT.JsonConsole.class)
class JsonLogIT {

    /** What {@code @QuarkusIntegrationTest} writes the packaged service's console to. */
    static final Path CONSOLE = Path.of("target", "quarkus.log");

    public static class JsonConsole extends ConfigOverrides {
        public JsonConsole() {
            super("quarkus.log.console.json.enabled", "true");
        }
    }

    @InjectWireMock
    WireMockServer taskRouter;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void logsOneJsonObjectALineWithTheSidsOfAnAcceptedReservationAsFields() {
        taskRouter.stubFor(post(WORKSPACE_PATH + "/Tasks/" + TASK + "/Reservations/" + RESERVATION)
                .willReturn(okJson(TaskRouterStubJson.reservation(RESERVATION, TASK, ALICE, "accepted"))));

        given().header("Authorization", "Bearer test-operator-token").when()
                .post("/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/accept").then().statusCode(200);

        JsonNode accepted = await().atMost(Duration.ofSeconds(5)).until(() -> lines().stream()
                .filter(line -> line.path("message").asText().startsWith("Accepted Reservation")).findFirst()
                .orElse(null), line -> line != null);
        assertEquals("INFO", accepted.path("level").asText());
        assertEquals(TASK, accepted.path("mdc").path("taskSid").asText(), accepted.toString());
        assertEquals(RESERVATION, accepted.path("mdc").path("reservationSid").asText(), accepted.toString());
        assertEquals(ALICE, accepted.path("mdc").path("workerSid").asText(), accepted.toString());
        assertTrue(accepted.hasNonNull("timestamp") && accepted.hasNonNull("loggerName"), accepted.toString());
    }

    /** Every line of the console, each parsed: a line that is not one JSON object fails the test. */
    private List<JsonNode> lines() throws IOException {
        return Files.readAllLines(CONSOLE).stream().filter(line -> !line.isBlank()).map(line -> {
            try {
                JsonNode node = json.readTree(line);
                assertTrue(node.isObject(), line);
                return node;
            } catch (IOException notJson) {
                throw new AssertionError("not a JSON line: " + line, notJson);
            }
        }).toList();
    }
}
