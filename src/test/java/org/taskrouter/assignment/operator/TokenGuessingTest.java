package org.taskrouter.assignment.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Guessing the operator token: twenty wrong ones from an address in a minute, and that address gets 429 with
 * {@code Retry-After} for a minute, whatever it sends, on the API and on the event stream. Callbacks are not held
 * back.
 */
@QuarkusTest
@TestProfile(TokenGuessingTest.DefaultLimit.class)
class TokenGuessingTest {

    /** The production limit: the test profile raises it for the suites that send wrong tokens on purpose. */
    public static class DefaultLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("operator.guesses.limit", "20");
        }
    }

    @Test
    void twentyWrongTokensInAMinuteHoldTheAddressBackForAMinuteButNotItsCallbacks() {
        for (int i = 0; i < 19; i++) {
            given().header("Authorization", "Bearer wrong-" + i).when().get("/api/reservations")
                    .then().statusCode(401);
        }
        given().when().get("/api/reservations").then().statusCode(401); // a missing token counts too

        String retryAfter = given().header("Authorization", "Bearer wrong-again").when().get("/api/reservations")
                .then().statusCode(429).body("status", equalTo(429)).body("error", containsString("Too many"))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds > 55 && seconds <= 60, "Retry-After: " + retryAfter);

        // the right token does not help now: otherwise 429 or not would tell a guess right from wrong
        given().header("Authorization", "Bearer test-operator-token").when().get("/api/reservations")
                .then().statusCode(429).header("Retry-After", notNullValue());
        given().header("Authorization", "Bearer test-operator-token").when().get("/api/events/stream")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        // TaskRouter's callbacks come through: refused for their signature, never held back
        given().contentType("application/x-www-form-urlencoded").body("TaskSid=WT00000000000000000000000000000001")
                .when().post("/assignment_callback").then().statusCode(403);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("operator_tokens_refused_total 20.0"), "20 refused tokens counted");
        assertTrue(metrics.contains("operator_tokens_held_back_total 3.0"), "3 requests held back");
    }
}
