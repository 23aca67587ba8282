package org.taskrouter.assignment.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.EventStreamReader;
import org.taskrouter.assignment.support.RedisServer;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The feed shared on a Redis Stream: what other replicas wrote, repeats, and Redis going away and coming back. */
@QuarkusTest
@WithTestResource(RedisServer.class)
class SharedFeedOnRedisTest {

    static final String TOKEN = "test-operator-token";
    static final String STREAM = "taskrouter-assignment:events";
    static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/api/events/stream")
    URL stream;

    private static SignedForm event(String sid, String description) {
        Map<String, String> params = SignedForm.eventParams(sid, "task.created");
        params.put("EventDescription", description);
        return SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events", params);
    }

    private static JsonPath recentEvents() {
        return given().header("Authorization", "Bearer " + TOKEN).when().get("/api/events?limit=500")
                .then().statusCode(200).extract().jsonPath();
    }

    /** What another replica does: append an event to the shared stream. Answers the entry's id. */
    private static String writtenByAnotherReplica(String sid, String description) {
        String json = "{\"sid\":\"" + sid + "\",\"eventType\":\"task.created\",\"description\":\"" + description
                + "\",\"receivedAt\":\"2026-12-01T10:00:00Z\"}";
        return RedisServer.cli("XADD", STREAM, "*", "event", json).get(0);
    }

    @Test
    void anEventAnotherReplicaWroteReachesThisReplicasStreamClientsWithTheSharedId() throws Exception {
        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            String id = writtenByAnotherReplica("EV%032d".formatted(301), "from replica B");

            EventStreamReader.Message message = reader.nextEvent(WAIT);
            assertNotNull(message, "no event within " + WAIT);
            assertEquals(id, message.id());
            assertEquals("from replica B", JsonPath.from(message.data()).getString("description"));
        }
        assertEquals("from replica B", recentEvents().getString("find { it.sid == 'EV%032d' }.description"
                .formatted(301)));
    }

    @Test
    void anEventPostedHereIsAppendedToTheSharedStream() {
        event("EV%032d".formatted(311), "posted to this replica").postTo("/events").statusCode(204);

        String id = recentEvents().getString("find { it.sid == 'EV%032d' }.id".formatted(311));
        assertTrue(StreamIds.valid(id), "a stream entry id: " + id);
        List<String> entry = RedisServer.cli("XRANGE", STREAM, id, id);
        assertTrue(String.join("\n", entry).contains("posted to this replica"), entry.toString());
    }

    @Test
    void reconnectingWithAnIdAnotherReplicaGaveLosesNothingAndRepeatsNothing() throws Exception {
        String first = writtenByAnotherReplica("EV%032d".formatted(321), "one");
        writtenByAnotherReplica("EV%032d".formatted(322), "two");
        writtenByAnotherReplica("EV%032d".formatted(323), "three");
        await().atMost(WAIT).until(() -> recentEvents().getList("sid").contains("EV%032d".formatted(323)));

        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, first)) {
            assertEquals("two", JsonPath.from(reader.nextEvent(WAIT).data()).getString("description"));
            assertEquals("three", JsonPath.from(reader.nextEvent(WAIT).data()).getString("description"));
            writtenByAnotherReplica("EV%032d".formatted(324), "four");
            assertEquals("four", JsonPath.from(reader.nextEvent(WAIT).data()).getString("description"));
            assertNull(reader.nextEvent(Duration.ofMillis(700)), "nothing more, nothing twice");
        }
    }

    @Test
    void aRepeatedDeliveryAppearsOnceWhetherBySidOrByToken() {
        SignedForm once = event("EV%032d".formatted(331), "delivered twice");
        once.postTo("/events").statusCode(204);
        once.postTo("/events").statusCode(204);
        // without a Sid, Twilio's retry of one delivery is known by its idempotency token
        Map<String, String> noSid = SignedForm.eventParams("unused", "task.created");
        noSid.remove("Sid");
        noSid.put("EventDescription", "token one");
        SignedForm byToken = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events", noSid);
        byToken.postTo("/events", "I-Twilio-Idempotency-Token", "tok-332").statusCode(204);
        byToken.postTo("/events", "I-Twilio-Idempotency-Token", "tok-332").statusCode(204);

        JsonPath events = recentEvents();
        assertEquals(1, events.getList("findAll { it.sid == 'EV%032d' }".formatted(331)).size());
        assertEquals(1, events.getList("findAll { it.description == 'token one' }").size());
        // the memory of a delivery expires in Redis after the window (24 h by default)
        long ttl = Long.parseLong(RedisServer.cli("PTTL", STREAM + ":delivered:sid:EV%032d".formatted(331)).get(0));
        assertTrue(ttl > 23 * 3_600_000L && ttl <= 24 * 3_600_000L, "expires in about 24 h: " + ttl + " ms");
    }

    @Test
    void keepsAnsweringWhileRedisIsDownAndHandsOnWhatItKeptWhenRedisReturns() throws Exception {
        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            RedisServer.stopForAWhile();
            try {
                event("EV%032d".formatted(341), "while Redis was down").postTo("/events").statusCode(204);
                EventStreamReader.Message kept = reader.nextEvent(WAIT);
                assertNotNull(kept, "this replica's clients still get events");
                assertEquals("while Redis was down", JsonPath.from(kept.data()).getString("description"));
                given().when().get("/q/health/ready").then().statusCode(503)
                        .body("checks.name", hasItem("redis"))
                        .body("checks.find { it.name == 'redis' }.status", equalTo("DOWN"));
                given().when().get("/q/health/live").then().statusCode(200);
                assertEquals(1, recentEvents().getList("findAll { it.sid == 'EV%032d' }".formatted(341)).size());
            } finally {
                RedisServer.startAgain();
            }
            await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'redis' }.status", equalTo("UP")));
            // what was kept meanwhile is in the shared stream now, for the other replicas
            await().atMost(WAIT).until(() -> String.join("\n", RedisServer.cli("XRANGE", STREAM, "-", "+"))
                    .contains("while Redis was down"));
            // and this replica's clients do not get it a second time
            event("EV%032d".formatted(342), "after Redis came back").postTo("/events").statusCode(204);
            EventStreamReader.Message next = reader.nextEvent(WAIT);
            assertNotNull(next);
            assertEquals("after Redis came back", JsonPath.from(next.data()).getString("description"));
        }
    }
}
