package org.taskrouter.assignment.callback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventCallbackResourceTest {

    static final String EVENTS_URL = SignedForm.TEST_PUBLIC_BASE + "/events";

    private static Map<String, String> event(String sid, String type) {
        return SignedForm.eventParams(sid, type);
    }

    private static io.restassured.response.ValidatableResponse post(SignedForm form) {
        return form.postTo("/events");
    }

    @Test
    void acknowledgesASignedEventWith204AndShowsItInTheFeed() {
        post(SignedForm.of(EVENTS_URL, event("EV00000000000000000000000000000001", "reservation.accepted")))
                .statusCode(204);
        given().header("Authorization", "Bearer test-operator-token").when().get("/api/events?limit=10")
                .then().statusCode(200)
                .body("sid", hasItem("EV00000000000000000000000000000001"))
                .body("find { it.sid == 'EV00000000000000000000000000000001' }.eventType",
                        equalTo("reservation.accepted"));
    }

    @Test
    void refusesAnUnsignedEventAndLeavesTheFeedAlone() {
        SignedForm forged = SignedForm.of("https://elsewhere.example/events",
                event("EV00000000000000000000000000000002", "task.canceled"));
        post(forged).statusCode(403);
        given().header("Authorization", "Bearer test-operator-token").when().get("/api/events?limit=500")
                .then().statusCode(200).body("sid", not(hasItem("EV00000000000000000000000000000002")));
    }

    @Test
    void refusesAnEventWithoutEventType() {
        Map<String, String> params = event("EV00000000000000000000000000000003", "x");
        params.remove("EventType");
        post(SignedForm.of(EVENTS_URL, params)).statusCode(400).body("error", containsString("EventType"));
    }
}
