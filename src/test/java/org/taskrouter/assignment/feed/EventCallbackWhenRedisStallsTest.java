package org.taskrouter.assignment.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.RedisServer;
import org.taskrouter.assignment.support.SignedForm;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A Redis that stalls (its connections open, nothing answered, as on a frozen host) does not hold an event
 * callback past TaskRouter's 15 s: the event is kept in this replica's memory within {@code feed.redis-timeout},
 * readiness says so, and the event reaches the shared stream once Redis answers again. Nothing accepted is lost.
 */
@QuarkusTest
@WithTestResource(RedisServer.class)
@WithTestResource(TaskRouterWireMock.class)
class EventCallbackWhenRedisStallsTest {

    static final Duration EVENT_BUDGET = Duration.ofSeconds(15);
    static final String STREAM = "taskrouter-assignment:events";
    static final String HELD = "EV%032d".formatted(961);

    @Test
    void anEventPostedWhileRedisStallsIsAnsweredInTimeAndReachesTheStreamAfterwards() {
        Duration took;
        RedisServer.freeze();
        try {
            long started = System.nanoTime();
            SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events", SignedForm.eventParams(HELD, "task.created"))
                    .postTo("/events").statusCode(204);
            took = Duration.ofNanos(System.nanoTime() - started);
            String readiness = given().when().get("/q/health/ready").then().statusCode(503).extract().asString();
            assertTrue(readiness.contains("in this replica's memory"), readiness);
        } finally {
            RedisServer.thaw();
        }
        assertTrue(took.compareTo(EVENT_BUDGET) < 0, "answered after " + took.toMillis() + " ms");

        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n",
                RedisServer.cli("XRANGE", STREAM, "-", "+")).contains(HELD));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> given().when().get("/q/health/ready").then().extract().statusCode() == 200);
        JsonPath events = given().header("Authorization", "Bearer test-operator-token").when()
                .get("/api/events?limit=500").then().statusCode(200).extract().jsonPath();
        assertEquals(1, events.getList("findAll { it.sid == '" + HELD + "' }").size(), "once");
    }
}
