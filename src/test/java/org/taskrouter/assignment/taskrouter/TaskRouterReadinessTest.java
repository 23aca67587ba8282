package org.taskrouter.assignment.taskrouter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Readiness {@code taskrouter} says in words whether this replica's credentials open its Workspace, reads it at most
 * once per cache period, and, once the credentials are proven, does not take the replica out of the load balancer
 * for an outage of TaskRouter's REST API. Liveness never depends on it.
 */
@QuarkusTest
@TestProfile(TaskRouterReadinessTest.CheckOn.class)
@WithTestResource(TaskRouterWireMock.class)
class TaskRouterReadinessTest {

    static final String WORKSPACE = "/v1/Workspaces/WS00000000000000000000000000000000";
    static final long CACHE_MS = 1_000;

    /** The check as in production, with a cache short enough to watch it change. */
    public static class CheckOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("taskrouter.health.enabled", "true", "taskrouter.health.cache", "PT1S");
        }
    }

    @InjectWireMock
    WireMockServer taskRouter;

    private void workspaceAnswers(ResponseDefinitionBuilder answer) throws InterruptedException {
        taskRouter.stubFor(get(urlPathEqualTo(WORKSPACE)).willReturn(answer));
        Thread.sleep(CACHE_MS + 200); // the last reading has expired
    }

    private static ValidatableResponse readiness(int status) {
        given().when().get("/q/health/live").then().statusCode(200);
        return given().when().get("/q/health/ready").then().statusCode(status)
                .body("checks.find { it.name == 'taskrouter' }.status", equalTo(status == 200 ? "UP" : "DOWN"))
                .body(not(containsString("test-auth-token")));
    }

    private static String twilioError(int status, int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}";
    }

    @Test
    void saysWhyTheReplicaIsNotReadyAndStaysReadyThroughAnOutageOnceTheCredentialsAreProven() throws Exception {
        workspaceAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        readiness(503).body("checks.find { it.name == 'taskrouter' }.data.reason", containsString("unreachable"));

        workspaceAnswers(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(twilioError(401, 20003, "Authenticate")));
        readiness(503).body("checks.find { it.name == 'taskrouter' }.data.reason",
                containsString("refused the credentials (401)"));

        workspaceAnswers(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody(twilioError(404, 20404, "The requested resource was not found")));
        readiness(503).body("checks.find { it.name == 'taskrouter' }.data.reason",
                containsString("Workspace WS00000000000000000000000000000000 was not found (404)"));

        workspaceAnswers(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"sid\":\"WS00000000000000000000000000000000\",\"friendly_name\":\"Quickstart\","
                        + "\"event_callback_url\":null,\"timeout_activity_sid\":null}"));
        int before = taskRouter.findAll(getRequestedFor(urlPathEqualTo(WORKSPACE))).size();
        readiness(200);
        readiness(200);
        readiness(200);
        assertEquals(1, taskRouter.findAll(getRequestedFor(urlPathEqualTo(WORKSPACE))).size() - before,
                "one reading answers every probe of the cache period");

        workspaceAnswers(aResponse().withStatus(503));
        readiness(200).body("checks.find { it.name == 'taskrouter' }.data.outage",
                equalTo("TaskRouter answered 503"));
        workspaceAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        readiness(200).body("checks.find { it.name == 'taskrouter' }.data.outage", containsString("unreachable"));
    }
}
