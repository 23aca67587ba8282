package org.taskrouter.assignment.operator;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.taskrouter.assignment.operator.OperatorApiTest.operator;
import static org.taskrouter.assignment.support.TaskRouterStubJson.TASK;
import static org.taskrouter.assignment.support.TaskRouterStubJson.WORKSPACE_PATH;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.TaskRouterStubJson;
import org.taskrouter.assignment.support.TaskRouterWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@WithTestResource(TaskRouterWireMock.class)
@TestProfile(ApiKeyCredentialsTest.WithApiKey.class)
class ApiKeyCredentialsTest {

    static final String KEY_SID = "SK0123456789abcdef0123456789abcdef";

    /** TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET set beside the auth token. */
    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.api-key-sid", KEY_SID, "twilio.api-key-secret", "key-secret");
        }
    }

    @InjectWireMock
    WireMockServer taskRouter;

    @Test
    void callsTaskRouterWithTheApiKeyInsteadOfTheAuthToken() {
        taskRouter.stubFor(get(WORKSPACE_PATH + "/Tasks/" + TASK).willReturn(okJson(TaskRouterStubJson.task(TASK, "pending", "{}"))));
        operator().when().get("/api/tasks/" + TASK).then().statusCode(200);
        String expected = "Basic " + Base64.getEncoder().encodeToString((KEY_SID + ":key-secret").getBytes(StandardCharsets.UTF_8));
        taskRouter.verify(getRequestedFor(urlEqualTo(WORKSPACE_PATH + "/Tasks/" + TASK))
                .withHeader("Authorization", equalTo(expected)));
    }
}
