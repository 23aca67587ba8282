package org.taskrouter.assignment.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.junit.QuarkusTest;

/** What a platform reads without a token: health, Prometheus metrics and the OpenAPI description. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void reportsLiveAndReadyAsJson() {
        given().when().get("/q/health").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void countsCallbacksInPrometheusMetricsByRoute() {
        SignedForm form = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/assignment_callback",
                SignedForm.assignmentParams("{\"selected_language\":\"es\"}"));
        form.postTo("/assignment_callback").statusCode(200);

        // Prometheus asks for text/plain; without that Accept the registry answers OpenMetrics
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/assignment_callback\""));
    }

    @Test
    void describesTheCallbacksAndTheOperatorApiInOpenApi() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("taskrouter-assignment"))
                .body("paths", hasKey("/assignment_callback"))
                .body("paths", hasKey("/events"))
                .body("paths", hasKey("/api/tasks"))
                .body("paths", hasKey("/api/setup"))
                .body("paths.'/api/tasks/{taskSid}/reservations/{reservationSid}/accept'.post", notNullValue());
    }
}
