package org.taskrouter.assignment.hostile;

import static org.taskrouter.assignment.hostile.HostileInputs.ACTIVITY;
import static org.taskrouter.assignment.hostile.HostileInputs.BEARER;
import static org.taskrouter.assignment.hostile.HostileInputs.CALLBACK;
import static org.taskrouter.assignment.hostile.HostileInputs.EVENTS;
import static org.taskrouter.assignment.hostile.HostileInputs.FORM;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_TYPE;
import static org.taskrouter.assignment.hostile.HostileInputs.TASK;
import static org.taskrouter.assignment.hostile.HostileInputs.WORKER;
import static org.taskrouter.assignment.hostile.HostileInputs.caseOf;
import static org.taskrouter.assignment.hostile.HostileInputs.genuineCallback;
import static org.taskrouter.assignment.hostile.HostileInputs.named;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;
import org.taskrouter.assignment.support.SignedForm;

/**
 * Inputs that once broke the rule (wrong-shape JSON, oversized bodies, no Content-Type, request lines, headers and
 * chunked bodies over the limits, no Host, a URL that does not decode) and those the HTTP codec refuses before any
 * code of the service runs: a request line or headers over the codec's 64 KiB. For the latter the status is
 * pinned, but the body may be empty ({@link Expect#byTheHttpLayer}). Bodies of valid JSON but the wrong shape are
 * routed here from the random families automatically ({@link HostileRequest#wrongShapeJson()}).
 */
final class Edges {

    private Edges() {
    }

    /**
     * JSON that is valid but of the wrong shape for the body it should bind to (an array, a string where a number
     * goes…): every such case, random or hand-picked, of the task creation and path SID families
     * ({@link TaskCreations}, {@link SidsInPaths}). They are answered 400 without the error shape today, by Quarkus'
     * built-in MismatchedInputException mapper.
     */
    static Stream<Arguments> jsonOfTheWrongShape() {
        return Stream.of(TaskCreations.allTaskCreations(), SidsInPaths.allPathSidCases()).flatMap(cases -> cases)
                .filter(arguments -> caseOf(arguments).wrongShapeJson());
    }

    /** Bodies over the 64 KiB limit, with a Content-Length or chunked. */
    static Stream<Arguments> oversizedBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            SignedForm genuine = genuineCallback(endpoint);
            for (String huge : List.of("TaskAttributes=" + "a".repeat(70 * 1024), "a".repeat(70 * 1024),
                    "%".repeat(70 * 1024), genuine.body() + "&Pad=" + "x".repeat(70 * 1024))) {
                cases.add(named(endpoint + " 70 KiB " + huge, new HostileRequest("POST", endpoint).text(FORM, huge)
                        .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(413)));
            }
            cases.add(named(endpoint + " 70 KiB chunked", HostileRequest.raw("POST", endpoint).chunked()
                    .rawBody("TaskAttributes=" + "a".repeat(70 * 1024)).header("Content-Type", FORM)
                    .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(413)));
        }
        String hugeTask = "{\"attributes\":{\"a\":\"" + "x".repeat(70 * 1024) + "\"}}";
        cases.add(named("POST /api/tasks 70 KiB", new HostileRequest("POST", "/api/tasks").operator()
                .text(JSON_TYPE, hugeTask), Expect.oneOf(413)));
        cases.add(named("POST /api/tasks 70 KiB chunked", HostileRequest.raw("POST", "/api/tasks").chunked()
                .rawBody(hugeTask).header("Authorization", BEARER).header("Content-Type", JSON_TYPE),
                Expect.oneOf(413)));
        cases.add(named("complete with 70 KiB", new HostileRequest("POST", "/api/tasks/" + TASK + "/complete")
                .operator().text(JSON_TYPE, "{\"reason\":\"" + "r".repeat(70 * 1024) + "\"}"), Expect.oneOf(413)));
        cases.add(named("complete with 70 KiB chunked", HostileRequest.raw("POST", "/api/tasks/" + TASK + "/complete")
                .chunked().rawBody("{\"reason\":\"" + "r".repeat(70 * 1024) + "\"}").header("Authorization", BEARER)
                .header("Content-Type", JSON_TYPE), Expect.oneOf(413)));
        return cases.stream();
    }

    /** Percent-escapes in the request line that decode to nothing: {@code %}, {@code %G1}, {@code %u002e}. */
    static Stream<Arguments> malformedEscapesInTheUrl() {
        List<Arguments> cases = new ArrayList<>();
        for (String sid : List.of("%G1", "%", "%u002e%u002e", "WT%zz")) {
            cases.add(named("GET /api/tasks/" + sid, HostileRequest.raw("GET", "/api/tasks/" + sid)
                    .header("Authorization", BEARER), Expect.oneOf(400)));
            cases.add(named("POST /api/tasks/" + sid + "/complete", HostileRequest.raw("POST", "/api/tasks/" + sid
                    + "/complete").header("Authorization", BEARER), Expect.oneOf(400)));
            cases.add(named("POST …/reservations/" + sid + "/accept", HostileRequest.raw("POST", "/api/tasks/" + TASK
                    + "/reservations/" + sid + "/accept").header("Authorization", BEARER),
                    Expect.oneOf(400)));
            cases.add(named("PUT /api/workers/" + sid + "/activity", HostileRequest.raw("PUT", "/api/workers/" + sid
                    + "/activity").header("Authorization", BEARER).header("Content-Type", JSON_TYPE)
                    .rawBody("{\"activitySid\":\"" + ACTIVITY + "\"}"),
                    Expect.oneOf(400)));
        }
        for (String raw : List.of("/api/events?limit=%", "/api/events?limit=%G1", "/api/events?%=%",
                "/api/tasks?assignmentStatus=%G1", "/api/tasks?assignmentStatus=%", "/api/reservations?status=%",
                "/%G1", "/q/nope?%")) {
            cases.add(named("GET " + raw, HostileRequest.raw("GET", raw).header("Authorization", BEARER),
                    Expect.oneOf(400)));
        }
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            SignedForm genuine = genuineCallback(endpoint);
            for (String query : List.of("?%", "?a=%G1&b=%e9", "?%zz=1")) {
                cases.add(named("POST " + endpoint + query, HostileRequest.raw("POST", endpoint + query)
                        .rawBody(genuine.body()).header("Content-Type", FORM)
                        .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(400)));
            }
        }
        return cases.stream();
    }

    /** Bodies without a Content-Type, or with an empty one, where only one type is consumed: 415. */
    static Stream<Arguments> callbacksWithoutContentType() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            SignedForm genuine = genuineCallback(endpoint);
            cases.add(named(endpoint + " no Content-Type", HostileRequest.raw("POST", endpoint).rawBody(genuine.body())
                    .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(415)));
            cases.add(named(endpoint + " empty Content-Type", HostileRequest.raw("POST", endpoint)
                    .rawBody(genuine.body()).header("Content-Type", "")
                    .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(415)));
        }
        // The operator API reads a body without a Content-Type as the JSON it consumes (curl -d sends a form
        // type, and -X POST none): lenient on purpose, but never a 5xx.
        cases.add(named("POST /api/tasks no Content-Type", HostileRequest.raw("POST", "/api/tasks")
                .header("Authorization", BEARER).rawBody("{\"attributes\":{}}"), Expect.operatorAnswer()));
        cases.add(named("PUT activity no Content-Type", HostileRequest.raw("PUT", "/api/workers/" + WORKER
                + "/activity").header("Authorization", BEARER).rawBody("{\"activitySid\":\"" + ACTIVITY + "\"}"),
                Expect.operatorAnswer()));
        return cases.stream();
    }

    /**
     * Request lines and headers over the service's limits (4 KiB request line, 20 KiB headers): 414 and 431 in
     * JSON; far beyond them (over the codec's 64 KiB), the codec's own answer, with the status but no body. And a
     * request without the Host header HTTP/1.1 requires.
     */
    static Stream<Arguments> oversizedRequestLinesAndHeaders() {
        List<Arguments> cases = new ArrayList<>();
        String longSid = "WT" + "0".repeat(10_000);
        cases.add(named("GET /api/tasks/{10,000 characters}", new HostileRequest("GET", "/api/tasks/" + longSid)
                .operator(), Expect.oneOf(414)));
        cases.add(named("POST …/reservations/{10,000 characters}/accept", new HostileRequest("POST", "/api/tasks/"
                + TASK + "/reservations/WR" + "f".repeat(10_000) + "/accept").operator(), Expect.oneOf(414)));
        cases.add(named("PUT /api/workers/{10,000 characters}/activity", new HostileRequest("PUT", "/api/workers/WK"
                + "a".repeat(10_000) + "/activity").operator().text(JSON_TYPE, "{\"activitySid\":\"" + ACTIVITY
                        + "\"}"), Expect.oneOf(414)));
        cases.add(named("GET /api/tasks?assignmentStatus={10,000 characters}", new HostileRequest("GET", "/api/tasks")
                .operator().query("assignmentStatus", "x".repeat(10_000)), Expect.oneOf(414)));
        cases.add(named("POST /assignment_callback?{5,000 characters}", new HostileRequest("POST", CALLBACK + "?pad="
                + "p".repeat(5_000)).text(FORM, "a=b").header("X-Twilio-Signature", "x"), Expect.oneOf(414)));
        cases.add(named("Authorization: Bearer {30 KiB}", new HostileRequest("GET", "/api/events")
                .header("Authorization", "Bearer " + "t".repeat(30 * 1024)), Expect.oneOf(431)));
        cases.add(named("X-Twilio-Signature: {30 KiB}", new HostileRequest("POST", CALLBACK).text(FORM, "a=b")
                .header("X-Twilio-Signature", "s".repeat(30 * 1024)), Expect.oneOf(431)));
        cases.add(named("30 headers of 1 KiB", manyHeaders(new HostileRequest("GET", "/api/events").operator(), 30,
                1024), Expect.oneOf(431)));
        cases.add(named("GET /api/tasks/{70,000 characters}", HostileRequest.raw("GET", "/api/tasks/WT"
                + "0".repeat(70_000)).header("Authorization", BEARER), Expect.byTheHttpLayer(Expect.oneOf(414))));
        cases.add(named("X-Pad: {70 KiB}", HostileRequest.raw("GET", "/api/events").header("Authorization", BEARER)
                .header("X-Pad", "p".repeat(70 * 1024)), Expect.byTheHttpLayer(Expect.oneOf(431))));
        cases.add(named("GET /api/events without Host", HostileRequest.raw("GET", "/api/events").withoutHost()
                .header("Authorization", BEARER), Expect.oneOf(400)));
        cases.add(named("POST /assignment_callback without Host", HostileRequest.raw("POST", CALLBACK).withoutHost()
                .rawBody("a=b").header("Content-Type", FORM).header("X-Twilio-Signature", "x"), Expect.oneOf(400)));
        return cases.stream();
    }

    private static HostileRequest manyHeaders(HostileRequest request, int count, int bytes) {
        for (int i = 0; i < count; i++) {
            request.header("X-Pad-" + i, "p".repeat(bytes));
        }
        return request;
    }
}
