package org.taskrouter.assignment.callback;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code callbacks_total} answers what an operator asks of the callbacks: how many, refused for their signature or
 * malformed, and which instruction went back; never a SID among its labels.
 */
@QuarkusTest
class CallbackMetricsTest {

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of {@code callbacks_total} with these labels (Prometheus writes them sorted by name). */
    private static double callbacks(String metrics, String instruction, String kind, String outcome) {
        String series = "callbacks_total{instruction=\"" + instruction + "\",kind=\"" + kind + "\",outcome=\""
                + outcome + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(series)).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length())))
                .orElseThrow(() -> new AssertionError("no series " + series));
    }

    @Test
    void countsEachCallbackByKindOutcomeAndInstruction() {
        String before = metrics();

        SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/assignment_callback",
                SignedForm.assignmentParams("{\"selected_language\":\"es\"}")).postTo("/assignment_callback")
                .statusCode(200);
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "forged")
                .body("TaskSid=WT00000000000000000000000000000001").when().post("/assignment_callback")
                .then().statusCode(403);
        Map<String, String> noTask = SignedForm.assignmentParams("{}");
        noTask.remove("TaskSid");
        SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/assignment_callback", noTask).postTo("/assignment_callback")
                .statusCode(400);
        SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events",
                SignedForm.eventParams("EV%032d".formatted(771), "reservation.accepted")).postTo("/events")
                .statusCode(204);

        String after = metrics();
        // the test profile's answer is the default, defer
        assertEquals(1, callbacks(after, "defer", "assignment", "answered")
                - callbacks(before, "defer", "assignment", "answered"));
        assertEquals(1, callbacks(after, "none", "assignment", "signature_refused")
                - callbacks(before, "none", "assignment", "signature_refused"));
        assertEquals(1, callbacks(after, "none", "assignment", "bad_request")
                - callbacks(before, "none", "assignment", "bad_request"));
        assertEquals(1, callbacks(after, "none", "event", "answered") - callbacks(before, "none", "event", "answered"));
        assertEquals(0, callbacks(after, "accept", "assignment", "answered"), "present, at 0, before any accept");
        assertFalse(after.lines().filter(line -> line.startsWith("callbacks_total")).anyMatch(line -> line.matches(
                ".*(WT|WR|WK|EV)[0-9a-f]{32}.*")), "no SID in a label");
    }
}
