package org.taskrouter.assignment.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(OperatorApiOffTest.NoTokenNoWorkspace.class)
class OperatorApiOffTest {

    /** A fresh clone: no OPERATOR_TOKEN, no Twilio account. */
    public static class NoTokenNoWorkspace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("operator.token", "", "twilio.workspace-sid", "", "twilio.account-sid", "",
                    "twilio.auth-token", "");
        }
    }

    @Test
    void saysHowToEnableTheOperatorApiWhenNoTokenIsSet() {
        given().header("Authorization", "Bearer anything").when().get("/api/reservations")
                .then().statusCode(503).body("error", containsString("set OPERATOR_TOKEN"));
    }

    @Test
    void refusesCallbacksClearlyWhenNoAuthTokenCanCheckThem() {
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "x")
                .body("TaskSid=WT00000000000000000000000000000001").when().post("/assignment_callback")
                .then().statusCode(503).body("error", containsString("TWILIO_AUTH_TOKEN"));
    }
}
