package org.taskrouter.assignment.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.EventStreamReader;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.RedisServer;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Nothing missed while Redis was away: an event that another replica took while Redis was down (so it reached only
 * that replica's memory), and that a Redis restarted empty no longer holds, comes back from TaskRouter's event log
 * the moment Redis answers again, into the shared stream and to this replica's stream clients, once.
 */
@QuarkusTest
@WithTestResource(RedisServer.class)
@WithTestResource(TaskRouterWireMock.class)
class CatchUpWhenRedisReturnsTest {

    static final String TOKEN = "test-operator-token";
    static final String STREAM = "taskrouter-assignment:events";
    static final String EVENTS = "/v1/Workspaces/WS00000000000000000000000000000000/Events";
    static final String MISSED = "EV%032d".formatted(951);
    static final Duration WAIT = Duration.ofSeconds(10);

    @InjectWireMock
    WireMockServer taskRouter;

    @TestHTTPResource("/api/events/stream")
    URL stream;

    private static String loggedPage(long millis) {
        return """
                {"events":[{"account_sid":"AC00000000000000000000000000000000","actor_sid":null,"actor_type":null,
                 "actor_url":null,"description":"Task WT00000000000000000000000000000009 created while Redis was down",
                 "event_data":{"task_sid":"WT00000000000000000000000000000009"},"event_date":"%s","event_date_ms":%d,
                 "event_type":"task.created","resource_sid":"WT00000000000000000000000000000009","resource_type":"Task",
                 "resource_url":"https://taskrouter.twilio.com/v1/x","sid":"%s","source":"TASKROUTER",
                 "source_ip_address":null,"url":"https://taskrouter.twilio.com/v1/x",
                 "workspace_sid":"WS00000000000000000000000000000000"}],
                 "meta":{"page":0,"page_size":50,"key":"events","next_page_url":null}}
                """.formatted(Instant.ofEpochMilli(millis), millis, MISSED);
    }

    private static String readiness() {
        return given().when().get("/q/health/ready").then().extract().asString();
    }

    @Test
    void anEventOnlyAnotherReplicaTookWhileRedisWasDownComesBackFromTaskRoutersLogOnceRedisAnswers()
            throws Exception {
        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            Instant stopped = Instant.now();
            RedisServer.stopForAWhile();
            try {
                await().atMost(WAIT).until(() -> readiness().contains("\"DOWN\""));
                taskRouter.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(loggedPage(System.currentTimeMillis()))));
            } finally {
                RedisServer.startAgain();
            }

            EventStreamReader.Message caughtUp = reader.nextEvent(WAIT);
            assertNotNull(caughtUp, "this replica's clients get what it never saw");
            assertEquals(MISSED, JsonPath.from(caughtUp.data()).getString("sid"));
            // in the shared stream again, for every replica; Redis came back empty
            String shared = String.join("\n", RedisServer.cli("XRANGE", STREAM, "-", "+"));
            assertTrue(shared.contains(MISSED), shared);
            JsonPath recent = given().header("Authorization", "Bearer " + TOKEN).when().get("/api/events?limit=500")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, recent.getList("findAll { it.sid == '" + MISSED + "' }").size());
            assertNull(reader.nextEvent(Duration.ofSeconds(1)), "and only once");

            // asked from before the outage began, so that no event falls between the two
            List<LoggedRequest> asked = taskRouter.findAll(getRequestedFor(urlPathEqualTo(EVENTS)));
            assertEquals(1, asked.size());
            Instant since = Instant.parse(asked.get(0).queryParameter("StartDate").firstValue());
            assertTrue(since.isBefore(stopped), "StartDate " + since + " is before the outage began at " + stopped);
        }
    }
}
