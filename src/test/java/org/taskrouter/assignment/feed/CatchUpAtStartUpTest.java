package org.taskrouter.assignment.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.ConfigOverrides;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.PrometheusText;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A replica that (re)starts has missed its downtime: without anyone asking, it reads the last {@code feed.catch-up}
 * of TaskRouter's event log and its consoles see what happened meanwhile.
 */
@QuarkusTest
@TestProfile(CatchUpAtStartUpTest.CatchUpOn.class)
@WithTestResource(value = TaskRouterWireMock.class, initArgs = @ResourceArg(name = TaskRouterWireMock.EVENTS_LOG,
        value = "taskrouter/events-while-restarting.json"))
class CatchUpAtStartUpTest {

    static final String EVENTS = "/v1/Workspaces/WS00000000000000000000000000000000/Events";
    static final String LOGGED = "EV00000000000000000000000000000961";

    /** The default window (the test profile turns it off everywhere else). */
    public static class CatchUpOn extends ConfigOverrides {
        public CatchUpOn() {
            super("feed.catch-up", "PT15M");
        }
    }

    @InjectWireMock
    WireMockServer taskRouter;

    @Test
    void aReplicaThatStartsAddsWhatTaskRouterLoggedInTheLastQuarterHour() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("Authorization", "Bearer test-operator-token").when().get("/api/events?limit=500")
                .then().statusCode(200).body("sid", hasItem(LOGGED)));

        JsonPath feed = given().header("Authorization", "Bearer test-operator-token").when()
                .get("/api/events?limit=500").then().extract().jsonPath();
        assertEquals("reservation.accepted", feed.getString("find { it.sid == '" + LOGGED + "' }.eventType"));
        assertEquals("WK0000000000000000000000000000a11c",
                feed.getString("find { it.sid == '" + LOGGED + "' }.workerSid"));
        List<LoggedRequest> asked = taskRouter.findAll(getRequestedFor(urlPathEqualTo(EVENTS)));
        assertEquals(1, asked.size(), "asked once, at start-up");
        Instant since = Instant.parse(asked.get(0).queryParameter("StartDate").firstValue());
        Duration back = Duration.between(since, Instant.now());
        assertTrue(back.compareTo(Duration.ofMinutes(15)) >= 0 && back.compareTo(Duration.ofMinutes(16)) < 0,
                "from 15 minutes before start-up: " + since);
        // the log line of the catch-up comes once it is done, and the count with it
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertTrue(
                PrometheusText.sum(PrometheusText.scrape(), "events_caught_up_total") >= 1, "counted"));
    }
}
