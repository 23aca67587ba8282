package org.taskrouter.assignment.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The series the README's PromQL reads for TaskRouter's error rate and latency: by path template, never by SID,
 * with buckets. Against the embedded TaskRouter, which answers; the packaged jar's tests have none to call.
 */
@QuarkusTest
class TaskRouterCallMetricsTest {

    @Test
    void timesTaskRouterCallsByTemplateNeverBySid() {
        // this profile's embedded TaskRouter has no such Workspace: a 404 is timed like any answer
        given().header("Authorization", "Bearer test-operator-token").when().get("/api/workers").then()
                .statusCode(404);

        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        List<String> series = metrics.lines().filter(line -> line.startsWith("http_client_requests_seconds_count{")
                && line.contains("clientName=\"taskrouter\"")).toList();
        assertTrue(series.stream().anyMatch(line -> line.contains("method=\"GET\"")
                && line.contains("status=\"404\"") && line.contains("uri=\"/v1/Workspaces/{WorkspaceSid}/Workers\"")),
                "the call, by template: " + series);
        assertTrue(series.stream().noneMatch(line -> line.matches(".*(WS|WK|WT|WR|WQ|WW|WA)[0-9a-fA-F]{32}.*")),
                "no SID in a label: " + series);
        // buckets, for the p99 of each call
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_client_requests_seconds_bucket{")
                && line.contains("clientName=\"taskrouter\"") && line.contains("le=\"0.1\"")), "0.1 s bucket");
    }

}
