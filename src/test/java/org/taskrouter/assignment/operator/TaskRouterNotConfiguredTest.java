package org.taskrouter.assignment.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TaskRouterNotConfiguredTest.TokenButNoWorkspace.class)
class TaskRouterNotConfiguredTest {

    /** The operator API is on, but no Twilio variables are set. */
    public static class TokenButNoWorkspace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.workspace-sid", "", "twilio.account-sid", "", "twilio.auth-token", "");
        }
    }

    @Test
    void refusesSetupClearlyEveryTimeItIsAsked() {
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer test-operator-token").when().post("/api/setup")
                    .then().statusCode(503).body("error", containsString("TaskRouter is not configured"));
        }
    }

    @Test
    void saysWhichVariablesAreMissing() {
        given().header("Authorization", "Bearer test-operator-token").when().get("/api/reservations")
                .then().statusCode(503)
                .body("error", containsString("TaskRouter is not configured"))
                .body("error", containsString("TWILIO_ACCOUNT_SID"))
                .body("error", containsString("TWILIO_WORKSPACE_SID"));
    }
}
