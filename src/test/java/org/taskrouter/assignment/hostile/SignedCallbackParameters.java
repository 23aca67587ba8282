package org.taskrouter.assignment.hostile;

import static org.taskrouter.assignment.hostile.HostileInputs.CALLBACK;
import static org.taskrouter.assignment.hostile.HostileInputs.EVENTS;
import static org.taskrouter.assignment.hostile.HostileInputs.FORM_PIECES;
import static org.taskrouter.assignment.hostile.HostileInputs.RANDOM_CASES;
import static org.taskrouter.assignment.hostile.HostileInputs.SEED;
import static org.taskrouter.assignment.hostile.HostileInputs.TASK;
import static org.taskrouter.assignment.hostile.HostileInputs.badSid;
import static org.taskrouter.assignment.hostile.HostileInputs.eventParams;
import static org.taskrouter.assignment.hostile.HostileInputs.jsonValue;
import static org.taskrouter.assignment.hostile.HostileInputs.named;
import static org.taskrouter.assignment.hostile.HostileInputs.signed;
import static org.taskrouter.assignment.hostile.HostileInputs.signedMulti;
import static org.taskrouter.assignment.hostile.HostileInputs.signedRaw;
import static org.taskrouter.assignment.hostile.HostileInputs.soup;
import static org.taskrouter.assignment.hostile.HostileInputs.validSid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;
import org.taskrouter.assignment.support.SignedForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Callbacks correctly signed, so that what comes after the signature check is exercised: nonsensical parameters,
 * missing or garbage SIDs, attributes that are not JSON objects, names nobody expects, repeated parameters. What
 * the service must answer follows from the parameters sent, judged by the same rules it applies.
 */
final class SignedCallbackParameters {

    private static final String CALLBACK_URL = SignedForm.TEST_PUBLIC_BASE + CALLBACK;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedCallbackParameters() {
    }

    /** Whether the service would take {@code json} as attributes: blank, or a JSON object. */
    static boolean acceptableAttributes(String json) {
        if (json.isBlank()) {
            return true;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static Stream<Arguments> signedHostileParameters() {
        Random random = new Random(SEED + 1);
        List<Arguments> cases = new ArrayList<>();
        String[] required = {"TaskSid", "WorkerSid", "ReservationSid"};
        String[] optional = {"AccountSid", "WorkspaceSid", "WorkflowSid", "TaskQueueSid", "TaskAge", "TaskPriority",
            "Timestamp"};
        for (int i = 0; i < RANDOM_CASES; i++) {
            Map<String, String> params = SignedForm.assignmentParams("{\"selected_language\":\"es\"}");
            boolean refused = false;
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                switch (random.nextInt(8)) {
                    case 0, 1 -> params.put("TaskAttributes", jsonValue(random));
                    case 2 -> params.put("WorkerAttributes", jsonValue(random));
                    case 3 -> {
                        params.remove(required[random.nextInt(required.length)]);
                        refused = true;
                    }
                    case 4 -> {
                        String name = required[random.nextInt(required.length)];
                        params.put(name, badSid(name.substring(0, 2).equals("Ta") ? "WT"
                                : name.startsWith("Worker") ? "WK" : "WR", random));
                        refused = true;
                    }
                    case 5 -> {
                        params.put(required[random.nextInt(required.length)],
                                List.of("", " ", "\t", "\u00a0\u00a0").get(random.nextInt(4)));
                        refused = true;
                    }
                    case 6 -> params.put(optional[random.nextInt(optional.length)],
                            soup(random, FORM_PIECES, random.nextInt(20)));
                    default -> {
                        String name = random.nextInt(5) == 0 ? "N".repeat(1 + random.nextInt(20_000))
                                : "X" + soup(random, FORM_PIECES, 1 + random.nextInt(8));
                        params.put(name, soup(random, FORM_PIECES, random.nextInt(20)));
                    }
                }
            }
            // what the service must answer follows from the final parameters, whatever the mutations did
            refused = !validSid(params.getOrDefault("TaskSid", ""), "WT")
                    || !validSid(params.getOrDefault("WorkerSid", ""), "WK")
                    || !validSid(params.getOrDefault("ReservationSid", ""), "WR")
                    || !acceptableAttributes(params.getOrDefault("TaskAttributes", ""))
                    || !acceptableAttributes(params.getOrDefault("WorkerAttributes", ""));
            cases.add(named("random #" + i, signed(CALLBACK, params), refused ? Expect.oneOf(400)
                    : Expect.oneOf(200)));
        }
        Random events = new Random(SEED + 2);
        for (int i = 0; i < RANDOM_CASES; i++) {
            Map<String, String> params = eventParams();
            boolean refused = false;
            int mutations = 1 + events.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                switch (events.nextInt(6)) {
                    case 0 -> {
                        params.remove("EventType");
                        refused = true;
                    }
                    case 1 -> {
                        params.put("EventType", List.of("", " ", "\t\n").get(events.nextInt(3)));
                        refused = true;
                    }
                    case 2 -> params.put("EventType", "e" + soup(events, FORM_PIECES, events.nextInt(30)));
                    case 3 -> params.put(List.of("Sid", "TaskSid", "ResourceSid", "WorkerSid", "ReservationSid",
                            "Timestamp", "TaskAttributes").get(events.nextInt(7)), events.nextBoolean()
                                    ? badSid("WT", events) : jsonValue(events));
                    case 4 -> params.put("N".repeat(1 + events.nextInt(20_000)), "v");
                    default -> params.put("X" + soup(events, FORM_PIECES, 1 + events.nextInt(8)),
                            soup(events, FORM_PIECES, events.nextInt(20)));
                }
            }
            refused = params.getOrDefault("EventType", "").isBlank();
            cases.add(named("events random #" + i, signed(EVENTS, params), refused ? Expect.oneOf(400)
                    : Expect.oneOf(204)));
        }
        return cases.stream();
    }

    static Stream<Arguments> signedNastyParameters() {
        List<Arguments> cases = new ArrayList<>();
        // what the service must accept is what Jackson reads as an object (or blank): the oracle decides
        List<String> attributes = new ArrayList<>();
        for (String bad : List.of("{", "}", "not json", "[]", "\"x\"", "null", "1", "true", "1e400", "[{}]",
                "{\"a\":", "{'a':1}", "{a:1}", "{\"a\":1}}", "{\"a\":1,}", "{\"a\":NaN}", "\u0000", "{\u0000}",
                "[".repeat(10_000) + "]".repeat(10_000),
                "[".repeat(10_000),
                "{\"a\":".repeat(4_000) + "1" + "}".repeat(4_000),
                "[".repeat(1_001) + "]".repeat(1_001),
                "{\"a\":" + "9".repeat(2_000) + "}",
                "{\"a\":1." + "5".repeat(2_000) + "}",
                "{\"a\":\"" + "\\u".repeat(100) + "\"}")) {
            attributes.add(bad);
        }
        for (String odd : List.of("", " ", "{}", "{\"a\":1,\"a\":2}", "{\"a\":1e400}", "{\"a\":1e-400}",
                "{\"a\":-0}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"\\u0000\":null}",
                "{\"selected_language\":[[[[]]]]}", "\uFEFF{}", "{}   ", "{\"a\":99999999999999999999}",
                "[".repeat(500).replace("[", "{\"a\":") + "1" + "}".repeat(500))) {
            attributes.add(odd);
        }
        attributes.forEach(json -> {
            boolean accepted = acceptableAttributes(json);
            cases.add(named("TaskAttributes " + json, signed(CALLBACK, SignedForm.assignmentParams(json)),
                    Expect.oneOf(accepted ? 200 : 400)));
            Map<String, String> worker = SignedForm.assignmentParams("{}");
            worker.put("WorkerAttributes", json);
            cases.add(named("WorkerAttributes " + json, signed(CALLBACK, worker), Expect.oneOf(accepted ? 200 : 400)));
        });
        Map<String, String> sids = new LinkedHashMap<>();
        sids.put("TaskSid", "WT");
        sids.put("WorkerSid", "WK");
        sids.put("ReservationSid", "WR");
        for (Map.Entry<String, String> sid : sids.entrySet()) {
            Map<String, String> missing = SignedForm.assignmentParams("{}");
            missing.remove(sid.getKey());
            cases.add(named("without " + sid.getKey(), signed(CALLBACK, missing), Expect.oneOf(400)));
            String p = sid.getValue();
            String hex = "0123456789abcdef0123456789abcdef";
            for (String bad : List.of("", " ", "\u0000", p, p + hex.substring(1), p + hex + "0",
                    (p.equals("WT") ? "WK" : "WT") + hex, p.toLowerCase(Locale.ROOT) + hex, p + "g" + hex.substring(1),
                    p + "\u0661".repeat(32), p + "\uff10".repeat(32), p + hex + "\u0000", " " + p + hex, p + hex + " ",
                    p + hex.substring(2) + "\ud83d\ude00", p + "0".repeat(10_000), "'; DROP TABLE tasks; --",
                    "../../" + p + hex, p + hex + "\r\nX-Injected: 1")) {
                Map<String, String> params = SignedForm.assignmentParams("{}");
                params.put(sid.getKey(), bad);
                cases.add(named(sid.getKey() + " '" + bad + "'", signed(CALLBACK, params), Expect.oneOf(400)));
            }
        }
        // repeated parameters: the first value counts
        cases.add(named("TaskSid twice, the first valid", signedMulti(CALLBACK, SignedForm.assignmentParams("{}"),
                "TaskSid", TASK, "garbage"), Expect.oneOf(200)));
        cases.add(named("TaskSid twice, the first garbage", signedMulti(CALLBACK, SignedForm.assignmentParams("{}"),
                "TaskSid", "garbage", TASK), Expect.oneOf(400)));
        cases.add(named("TaskAttributes twice, the first not JSON", signedMulti(CALLBACK,
                SignedForm.assignmentParams("{}"), "TaskAttributes", "{", "{}"), Expect.oneOf(400)));
        cases.add(named("Extra 1,000 times", signedMulti(CALLBACK, SignedForm.assignmentParams("{}"), "Extra",
                Stream.generate(() -> "v").limit(1_000).toArray(String[]::new)), Expect.oneOf(200)));
        // names nobody expects
        for (String name : List.of("\u0000", "\u0000\u0000", "\u00e9", "\ud83d\ude00", " ", "&", "=", "%", "%G1",
                "[]", "a[b]", "__proto__", "constructor", "N".repeat(30_000), "\r\n")) {
            Map<String, String> params = SignedForm.assignmentParams("{}");
            params.put(name, "value\u0000");
            cases.add(named("parameter named '" + name + "'", signed(CALLBACK, params), Expect.oneOf(200)));
        }
        Map<String, String> nameless = SignedForm.assignmentParams("{}");
        nameless.put("", "v");
        cases.add(named("a parameter without a name", signed(CALLBACK, nameless), Expect.oneOf(400)));
        // a lone UTF-8 byte, signed over what it decodes to
        cases.add(named("TaskSid=WT%e9…, signed over the replacement character", signedRaw(CALLBACK,
                SignedForm.of(CALLBACK_URL, SignedForm.assignmentParams("{}")).body()
                        .replace("TaskSid=WT", "TaskSid=WT%e9")), Expect.oneOf(400)));
        cases.add(named("TaskAttributes=%7B%e9%7D, signed over what it decodes to", signedRaw(CALLBACK,
                SignedForm.of(CALLBACK_URL, SignedForm.assignmentParams("{}")).body()
                        .replace("TaskAttributes=%7B%7D", "TaskAttributes=%7B%e9%7D")), Expect.oneOf(400)));
        // events
        Map<String, String> noType = eventParams();
        noType.remove("EventType");
        cases.add(named("event without EventType", signed(EVENTS, noType), Expect.oneOf(400)));
        for (String type : List.of("", " ", "\u0000", "\u00e9", "x".repeat(30_000), "task.created\r\nX: 1",
                "<script>alert(1)</script>", "[".repeat(10_000))) {
            Map<String, String> params = eventParams();
            params.put("EventType", type);
            cases.add(named("EventType '" + type + "'", signed(EVENTS, params), Expect.oneOf(type.isBlank() ? 400
                    : 204)));
        }
        Map<String, String> deep = eventParams();
        deep.put("TaskAttributes", "[".repeat(10_000) + "]".repeat(10_000));
        cases.add(named("event with 10,000-deep TaskAttributes", signed(EVENTS, deep), Expect.oneOf(204)));
        return cases.stream();
    }
}
