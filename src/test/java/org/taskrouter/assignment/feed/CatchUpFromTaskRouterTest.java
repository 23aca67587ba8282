package org.taskrouter.assignment.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.SignedForm;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What the feed missed, read back from TaskRouter's event log ({@code GET /Events}, paged as the OpenAPI file gives it). */
@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
class CatchUpFromTaskRouterTest {

    static final String EVENTS = "/v1/Workspaces/WS00000000000000000000000000000000/Events";

    @InjectWireMock
    WireMockServer taskRouter;

    @Inject
    EventCatchUp catchUp;

    private static String event(String sid, String type, long millis, String extra) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","actor_sid":null,"actor_type":null,"actor_url":null,
                 "description":"%s logged","event_data":{"task_sid":"WT00000000000000000000000000000007"%s},
                 "event_date":"%s","event_date_ms":%d,"event_type":"%s","resource_sid":"WT00000000000000000000000000000007",
                 "resource_type":"Task","resource_url":"https://taskrouter.twilio.com/v1/x","sid":"%s","source":"TASKROUTER",
                 "source_ip_address":null,"url":"https://taskrouter.twilio.com/v1/x","workspace_sid":"WS00000000000000000000000000000000"}
                """.formatted(sid, extra, Instant.ofEpochMilli(millis), millis, type, sid);
    }

    private static String page(String next, String... events) {
        return "{\"events\":[" + String.join(",", events) + "],\"meta\":{\"page\":0,\"page_size\":2,\"key\":\"events\","
                + "\"next_page_url\":" + (next == null ? "null" : "\"" + next + "\"") + "}}";
    }

    private static JsonPath feed() {
        return given().header("Authorization", "Bearer test-operator-token").when().get("/api/events?limit=500")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void addsWhatTheFeedMissedAcrossPagesOnceAndOldestFirstWithTheReasonsItCarries() {
        long now = System.currentTimeMillis();
        // the feed already has the first one: its callback arrived
        Map<String, String> params = SignedForm.eventParams("EV%032d".formatted(901), "task.created");
        SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events", params).postTo("/events").statusCode(204);
        taskRouter.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("PageToken", equalTo("PA2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page(null,
                        event("EV%032d".formatted(903), "task.canceled", now - 1_000,
                                ",\"task_canceled_reason\":\"caller hung up\"")))));
        taskRouter.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("PageToken", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page(
                        taskRouter.baseUrl() + EVENTS + "?PageSize=2&Page=1&PageToken=PA2",
                        event("EV%032d".formatted(901), "task.created", now - 3_000, ""),
                        event("EV%032d".formatted(902), "task.updated", now - 2_000, "")))));

        int added = catchUp.catchUp(Instant.now().minus(Duration.ofMinutes(15))).await().atMost(Duration.ofSeconds(10));

        assertEquals(2, added, "the one the feed had is not added again");
        JsonPath feed = feed();
        assertEquals(1, feed.getList("findAll { it.sid == 'EV%032d' }".formatted(901)).size());
        List<String> newestFirst = feed.getList("sid");
        assertEquals(List.of("EV%032d".formatted(903), "EV%032d".formatted(902)), newestFirst.subList(0, 2));
        assertEquals("caller hung up", feed.getString("find { it.sid == 'EV%032d' }.reason".formatted(903)));
        assertEquals("WT00000000000000000000000000000007",
                feed.getString("find { it.sid == 'EV%032d' }.taskSid".formatted(902)));
        // StartDate in ISO 8601, as the OpenAPI file gives it
        taskRouter.verify(getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("StartDate",
                matching("\\d{4}-\\d\\d-\\d\\dT.*Z")));
    }

    @Test
    void aTaskRouterThatCannotBeAskedAddsNothingAndFailsNothing() {
        taskRouter.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(aResponse().withStatus(503)));

        assertEquals(0, catchUp.catchUp(Instant.now().minusSeconds(60)).await().atMost(Duration.ofSeconds(15)));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
