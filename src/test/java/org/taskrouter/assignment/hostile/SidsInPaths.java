package org.taskrouter.assignment.hostile;

import static org.taskrouter.assignment.hostile.HostileInputs.ACTIVITY;
import static org.taskrouter.assignment.hostile.HostileInputs.BEARER;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_TYPE;
import static org.taskrouter.assignment.hostile.HostileInputs.RANDOM_CASES;
import static org.taskrouter.assignment.hostile.HostileInputs.RESERVATION;
import static org.taskrouter.assignment.hostile.HostileInputs.SEED;
import static org.taskrouter.assignment.hostile.HostileInputs.TASK;
import static org.taskrouter.assignment.hostile.HostileInputs.WORKER;
import static org.taskrouter.assignment.hostile.HostileInputs.badSid;
import static org.taskrouter.assignment.hostile.HostileInputs.hex;
import static org.taskrouter.assignment.hostile.HostileInputs.named;
import static org.taskrouter.assignment.hostile.HostileInputs.pick;
import static org.taskrouter.assignment.hostile.HostileInputs.sound;
import static org.taskrouter.assignment.hostile.HostileInputs.soup;
import static org.taskrouter.assignment.hostile.HostileInputs.validSid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;

/**
 * The operator API's SIDs in paths (a Task, a Reservation, a Worker), garbage or undecodable, and the bodies of the
 * lifecycle calls: complete, cancel, reject and a Worker's activity.
 */
final class SidsInPaths {

    private static final String[] SID_PIECES = {
        "WT", "WR", "WK", "WA", "0", "a", "f", "g", "Z", "%", "%25", "%00", "/", "\\", "..", ".", ";", "?", "#", "&",
        "=", "+", " ", "\u0000", "\u00e9", "\ud83d\ude00", "\u202e", "\uff0f", "{", "}", "*", "~", "'", "\"", "<",
        ">", "|", "^", "`", "\t", "\n", ":", "@", "$", "!", ",",
    };
    /** Bodies for complete, cancel, reject and a Worker's activity. */
    private static final String[] ACTION_BODIES = {
        null, "", " ", "{}", "null", "{", "}", "not json", "{\"reason\":null}", "{\"reason\":\"\"}",
        "{\"reason\":\"" + "r".repeat(2_000) + "\"}", "{\"reason\":1e400}", "{\"reason\":\"\\ud800\"}",
        "{\"activitySid\":\"garbage\"}", "{\"activitySid\":\"" + ACTIVITY + "\"}", "{\"activitySid\":null}",
        "{\"activitySid\":1}", "{\"activitySid\":\"WA\"}", "{\"activitySid\":\"" + ACTIVITY + "\u0000\"}",
        "{\"reason\":\"x\"", "{\"reason\":\"x\"} trailing", "{'reason':'x'}",
        // valid JSON of the wrong shape: see answersJsonOfTheWrongShapeInTheErrorShape
        "[]", "\"x\"", "1", "true", "[{}]", "{\"reason\":[]}", "{\"reason\":{}}", "{\"activitySid\":[]}",
        "{\"activitySid\":{}}", "[".repeat(10_000) + "]".repeat(10_000),
    };

    private SidsInPaths() {
    }

    static String randomSid(Random random, String prefix) {
        return switch (random.nextInt(6)) {
            case 0 -> prefix + hex(random, 32);
            case 1 -> pick(random, new String[] {"WT", "WR", "WK", "WA", "WS", "AC"}) + hex(random, 32);
            case 2 -> badSid(prefix, random).replace("0".repeat(10_000), "0".repeat(100));
            default -> soup(random, SID_PIECES, random.nextInt(20));
        };
    }

    /** What an operator call with these SIDs must answer: 400 when one is surely bad and routing is not in doubt. */
    static Expect sidExpectation(String... sidsAndPrefixes) {
        boolean surelyBad = false;
        for (int i = 0; i < sidsAndPrefixes.length; i += 2) {
            String sid = sidsAndPrefixes[i];
            if (!sid.matches("[A-Za-z0-9]+")) {
                return Expect.operatorAnswer(); // the path may route elsewhere: any 4xx will do
            }
            surelyBad |= !validSid(sid, sidsAndPrefixes[i + 1]);
        }
        return surelyBad ? Expect.oneOf(400) : Expect.operatorAnswer();
    }

    static Stream<Arguments> hostilePathSids() {
        return sound(allPathSidCases());
    }

    static Stream<Arguments> allPathSidCases() {
        Random random = new Random(SEED + 4);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < RANDOM_CASES; i++) {
            String body = pick(random, ACTION_BODIES);
            String task = randomSid(random, "WT");
            HostileRequest request;
            Expect expect;
            switch (random.nextInt(7)) {
                case 0 -> {
                    request = new HostileRequest("GET", "/api/tasks/{t}").pathParam(task);
                    expect = sidExpectation(task, "WT");
                }
                case 1, 2 -> {
                    String action = pick(random, new String[] {"wrapup", "complete", "cancel"});
                    request = new HostileRequest("POST", "/api/tasks/{t}/" + action).pathParam(task);
                    if (body != null) {
                        request.text(random.nextInt(4) == 0 ? "text/plain" : JSON_TYPE, body);
                    }
                    expect = sidExpectation(task, "WT");
                }
                case 3, 4 -> {
                    String reservation = randomSid(random, "WR");
                    String action = random.nextBoolean() ? "accept" : "reject";
                    request = new HostileRequest("POST", "/api/tasks/{t}/reservations/{r}/" + action).pathParam(task)
                            .pathParam(reservation);
                    if (body != null) {
                        request.text(JSON_TYPE, body);
                    }
                    expect = sidExpectation(task, "WT", reservation, "WR");
                }
                default -> {
                    String worker = randomSid(random, "WK");
                    request = new HostileRequest("PUT", "/api/workers/{w}/activity").pathParam(worker);
                    String activity = random.nextBoolean() ? pick(random, ACTION_BODIES)
                            : "{\"activitySid\":\"" + randomSid(random, "WA").replace("\\", "\\\\")
                                    .replace("\"", "\\\"") + "\"}";
                    request.text(JSON_TYPE, activity == null ? "" : activity);
                    expect = sidExpectation(worker, "WK");
                }
            }
            cases.add(named("random #" + i, request.operator(), expect));
        }
        String hex = "0123456789abcdef0123456789abcdef";
        for (String sid : List.of("%00", "..%2F..", "%2e%2e", "%2e%2e%2f%2e%2e", "%e9", "%c0%ae%c0%ae",
                "%ff%fe", "WT%00" + hex, "%E2%80%AE" + hex, "%F0%9F%98%80", "WT" + hex + "%3Bjsessionid=1",
                "WT" + hex + ";x=1", "%5C..%5C..", "WT" + hex.toUpperCase(Locale.ROOT),
                "\u00e9", "..;", "~root")) {
            cases.add(named("GET /api/tasks/" + sid, HostileRequest.raw("GET", "/api/tasks/" + sid)
                    .header("Authorization", BEARER), Expect.operatorAnswer()));
            cases.add(named("POST /api/tasks/" + sid + "/complete", HostileRequest.raw("POST", "/api/tasks/" + sid
                    + "/complete").header("Authorization", BEARER), Expect.operatorAnswer()));
            cases.add(named("POST /api/tasks/" + TASK + "/reservations/" + sid + "/accept", HostileRequest.raw("POST",
                    "/api/tasks/" + TASK + "/reservations/" + sid + "/accept").header("Authorization", BEARER),
                    Expect.operatorAnswer()));
            cases.add(named("PUT /api/workers/" + sid + "/activity", HostileRequest.raw("PUT", "/api/workers/" + sid
                    + "/activity").header("Authorization", BEARER).header("Content-Type", JSON_TYPE)
                    .rawBody("{\"activitySid\":\"" + ACTIVITY + "\"}"), Expect.operatorAnswer()));
        }
        for (String unicode : List.of("\u00e9", "\ud83d\ude00", "WT\u0661\u0662", "\u202e" + TASK, "\uff37\uff34",
                "WT" + "\u0000".repeat(32), "WT0123456789abcdef0123456789abcde\u00e9")) {
            cases.add(named("GET /api/tasks/{" + unicode + "}", new HostileRequest("GET", "/api/tasks/{t}")
                    .pathParam(unicode).operator(), Expect.oneOf(400)));
        }
        for (String body : ACTION_BODIES) {
            for (String action : List.of("wrapup", "complete", "cancel")) {
                HostileRequest request = new HostileRequest("POST", "/api/tasks/" + TASK + "/" + action).operator();
                if (body != null) {
                    request.text(JSON_TYPE, body);
                }
                cases.add(named(action + " " + body, request, Expect.operatorAnswer()));
            }
            HostileRequest reject = new HostileRequest("POST", "/api/tasks/" + TASK + "/reservations/" + RESERVATION
                    + "/reject").operator();
            if (body != null) {
                reject.text(JSON_TYPE, body);
            }
            cases.add(named("reject " + body, reject, Expect.operatorAnswer()));
            cases.add(named("PUT activity " + body, new HostileRequest("PUT", "/api/workers/" + WORKER + "/activity")
                    .operator().text(JSON_TYPE, body == null ? "" : body), Expect.operatorAnswer()));
        }
        cases.add(named("PUT activity without a body", new HostileRequest("PUT", "/api/workers/" + WORKER + "/activity")
                .operator(), Expect.operatorAnswer()));
        cases.add(named("PUT activity as text/plain", new HostileRequest("PUT", "/api/workers/" + WORKER + "/activity")
                .operator().text("text/plain", "{\"activitySid\":\"" + ACTIVITY + "\"}"), Expect.oneOf(415)));
        return cases.stream();
    }
}
