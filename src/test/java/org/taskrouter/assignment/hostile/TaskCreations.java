package org.taskrouter.assignment.hostile;

import static org.taskrouter.assignment.hostile.HostileInputs.BEARER;
import static org.taskrouter.assignment.hostile.HostileInputs.FORM;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_STRINGS;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_TYPE;
import static org.taskrouter.assignment.hostile.HostileInputs.RANDOM_CASES;
import static org.taskrouter.assignment.hostile.HostileInputs.SEED;
import static org.taskrouter.assignment.hostile.HostileInputs.jsonValue;
import static org.taskrouter.assignment.hostile.HostileInputs.mutate;
import static org.taskrouter.assignment.hostile.HostileInputs.named;
import static org.taskrouter.assignment.hostile.HostileInputs.pick;
import static org.taskrouter.assignment.hostile.HostileInputs.randomJson;
import static org.taskrouter.assignment.hostile.HostileInputs.sound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;

/** Bodies of {@code POST /api/tasks}: JSON objects of random fields and values, and things that are not one. */
final class TaskCreations {

    private static final String[] ATTRIBUTE_VALUES = {
        "{}", "{\"selected_language\":\"es\"}", "null", "[]", "\"x\"", "1", "true", "{\"a\":[1,2,{\"b\":null}]}",
        "{\"\\u0000\":\"\\ud800\"}", "[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(3_000) + "1"
                + "}".repeat(3_000), "{\"a\":" + "9".repeat(5_000) + "}",
    };
    private static final String[] NUMBER_VALUES = {
        "0", "1", "-1", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e400", "-1e400",
        "1e-400", "1.5", "1e2", "\"5\"", "\"abc\"", "\"\"", "null", "[]", "{}", "true", "NaN", "Infinity",
        "1" + "0".repeat(5_000), "0x10", "2592000", "2592001", "-0", "1E+2", "[1]",
    };
    private static final String[] CHANNEL_VALUES = {
        "\"voice\"", "\"\"", "\"a b\"", "\"TC0123456789abcdef0123456789abcdef\"", "\"" + "x".repeat(65) + "\"", "123",
        "null", "[]", "{}", "\"\\u0000\"", "\"../..\"", "\"voice\\r\\nX-Injected: 1\"", "\"\u00e9\"", "true",
    };

    private TaskCreations() {
    }

    /** A POST /api/tasks body: a JSON object of random fields and values, or something that is not one. */
    static String createBody(Random random) {
        if (random.nextInt(4) == 0) {
            return jsonValue(random);
        }
        List<String> fields = new ArrayList<>();
        if (random.nextInt(5) != 0) {
            fields.add("\"attributes\":" + pick(random, ATTRIBUTE_VALUES));
        }
        if (random.nextBoolean()) {
            fields.add("\"priority\":" + pick(random, NUMBER_VALUES));
        }
        if (random.nextBoolean()) {
            fields.add("\"timeout\":" + pick(random, NUMBER_VALUES));
        }
        if (random.nextBoolean()) {
            fields.add("\"taskChannel\":" + pick(random, CHANNEL_VALUES));
        }
        if (random.nextInt(4) == 0) {
            fields.add("\"" + pick(random, JSON_STRINGS) + "\":" + randomJson(random, 2));
        }
        if (random.nextInt(6) == 0 && !fields.isEmpty()) {
            fields.add(fields.get(random.nextInt(fields.size())));
        }
        Collections.shuffle(fields, random);
        String body = String.join(",", fields);
        return random.nextInt(6) == 0 ? mutate("{" + body + "}", random) : "{" + body + "}";
    }

    static Stream<Arguments> hostileTaskCreations() {
        return sound(allTaskCreations());
    }

    static Stream<Arguments> allTaskCreations() {
        Random random = new Random(SEED + 3);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < RANDOM_CASES; i++) {
            String body = createBody(random);
            String type = random.nextInt(10) == 0 ? pick(random, new String[] {JSON_TYPE + "; charset=UTF-8",
                "text/plain", FORM, "application/json-patch+json", "application/*"}) : JSON_TYPE;
            cases.add(named("random #" + i, new HostileRequest("POST", "/api/tasks").operator().text(type, body),
                    Expect.operatorAnswer()));
        }
        List<String> nasty = new ArrayList<>(List.of("", " ", "{", "}", "[]", "[{}]", "null", "\"x\"", "1", "true",
                "not json", "{attributes:{}}", "{'attributes':{}}", "{\"attributes\":null}", "{\"attributes\":[]}",
                "{\"attributes\":\"{}\"}", "{\"attributes\":{}}}", "{\"attributes\":{},}", "{\"attributes\":{}} x",
                "{\"attributes\":{},\"priority\":1e400}", "{\"attributes\":{},\"priority\":99999999999999999999}",
                "{\"attributes\":{},\"timeout\":1e400}", "{\"attributes\":{},\"timeout\":99999999999999999999}",
                "{\"attributes\":{},\"priority\":\"high\"}", "{\"attributes\":{},\"timeout\":\"soon\"}",
                "{\"attributes\":{},\"priority\":-1}", "{\"attributes\":{},\"timeout\":0}",
                "{\"attributes\":{},\"priority\":NaN}", "{\"attributes\":{},\"priority\":1.5}",
                "{\"attributes\":{},\"taskChannel\":\"a b\"}", "{\"attributes\":{},\"taskChannel\":[]}",
                "{\"attributes\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"attributes\":{" + "\"a\":{".repeat(10_000) + "}".repeat(10_001) + "}",
                "{\"attributes\":{},\"priority\":" + "9".repeat(5_000) + "}",
                "{\"attributes\":{\"a\":\"" + "x".repeat(60_000) + "\"}}",
                "{\"attributes\":{\"a\":\"\\ud800\"}}", "{\"attributes\":{\"a\":\"\u0000\"}}", "\uFEFF{}",
                "{\"attributes\":{}}\u0000", "/* */{\"attributes\":{}}"));
        for (String body : nasty) {
            cases.add(named(body, new HostileRequest("POST", "/api/tasks").operator().text(JSON_TYPE, body),
                    Expect.operatorAnswer()));
        }
        byte[] bytes = new byte[1024];
        new Random(SEED).nextBytes(bytes);
        cases.add(named("random bytes", new HostileRequest("POST", "/api/tasks").operator().bytes(JSON_TYPE, bytes),
                Expect.operatorAnswer()));
        cases.add(named("Content-Type text/plain", new HostileRequest("POST", "/api/tasks").operator()
                .text("text/plain", "{\"attributes\":{}}"), Expect.oneOf(415)));
        cases.add(named("Accept: text/html", new HostileRequest("POST", "/api/tasks").operator()
                .text(JSON_TYPE, "{\"attributes\":{}}").header("Accept", "text/html"), Expect.operatorAnswer()));
        cases.add(named("Accept: garbage", new HostileRequest("POST", "/api/tasks").operator()
                .text(JSON_TYPE, "{\"attributes\":{}}").header("Accept", "%%;;q=abc/"), Expect.operatorAnswer()));
        for (String charset : List.of("nope", "utf-16", "UTF-32", "")) {
            cases.add(named("charset=" + charset, HostileRequest.raw("POST", "/api/tasks")
                    .header("Authorization", BEARER).header("Content-Type", JSON_TYPE + "; charset=" + charset)
                    .rawBody("{\"attributes\":{}}"), Expect.operatorAnswer()));
        }
        return cases.stream();
    }
}
