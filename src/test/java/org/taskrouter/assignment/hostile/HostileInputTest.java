package org.taskrouter.assignment.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskrouter.assignment.operator.ActivityRequest;
import org.taskrouter.assignment.operator.CancelTaskRequest;
import org.taskrouter.assignment.operator.CompleteTaskRequest;
import org.taskrouter.assignment.operator.CreateTaskRequest;
import org.taskrouter.assignment.operator.RejectRequest;
import org.taskrouter.assignment.signature.TwilioSignature;
import org.taskrouter.assignment.support.SignedForm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile input at every endpoint: garbage form bodies, broken percent-escapes, signed but nonsensical callback
 * parameters, unreadable JSON, absurd numbers, garbage SIDs in paths, garbage query parameters, wrong tokens,
 * unknown routes and methods. Whatever arrives, the answer is never a 5xx (503 only where TaskRouter may be
 * unavailable), every error is JSON of the one shape {@code {"status":…,"error":"…"}}, and no body shows a
 * stack trace, an exception or a Java class name.
 *
 * <p>Random inputs come from {@code new Random(42)}, so every run sends the same requests; each family has
 * {@value #RANDOM_CASES} random cases per endpoint family plus hand-picked ones. The few requests REST Assured
 * cannot express (invalid percent-escapes in the request line, no Content-Type at all, an unknown charset) go
 * through a plain socket.
 *
 * <p>In the test profile the REST client points at the embedded TaskRouter, whose Workspace is not the one
 * configured ({@code WS000…}): well-formed operator calls end as TaskRouter's 404, which is fine.
 *
 * <p>The methods under "Edges" hold inputs that once broke the rule (wrong-shape JSON, oversized bodies, no
 * Content-Type, request lines, headers and chunked bodies over the limits, no Host, a URL that does not decode)
 * and those the HTTP codec refuses before any code of the service runs: a request line or headers over the
 * codec's 64 KiB. For the latter the status is pinned, but the body may be empty ({@link Expect#byTheHttpLayer}). Bodies of valid JSON but the wrong shape are routed there from
 * the random families automatically ({@link Req#wrongShapeJson()}).
 * {@link #theChecksRefuseEveryAnswerTheRuleForbids} shows that the checks fail on what the rule forbids.
 */
@QuarkusTest
class HostileInputTest {

    static final int RANDOM_CASES = 150;
    private static final long SEED = 42;

    private static final String BEARER = "Bearer test-operator-token";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON_TYPE = "application/json";
    private static final String CALLBACK = "/assignment_callback";
    private static final String EVENTS = "/events";
    private static final String CALLBACK_URL = SignedForm.TEST_PUBLIC_BASE + CALLBACK;
    private static final TwilioSignature SIGNER = new TwilioSignature(SignedForm.TEST_AUTH_TOKEN);

    private static final String TASK = "WT00000000000000000000000000000001";
    private static final String RESERVATION = "WR00000000000000000000000000000001";
    private static final String WORKER = "WK0000000000000000000000000000a11c";
    private static final String ACTIVITY = "WA00000000000000000000000000000001";

    private static final RestAssuredConfig AS_IS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .defaultCharsetForContentType(StandardCharsets.ISO_8859_1.name(), FORM))
            // a hanging request fails its case instead of the whole run
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 20_000));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Binds bodies as the service does (unknown properties ignored), to tell which ones are of the wrong shape. */
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Set<String> TASK_STATUSES = Set.of("pending", "reserved", "assigned", "wrapping",
            "completed", "canceled");
    private static final Set<String> RESERVATION_STATUSES = Set.of("pending", "accepted", "rejected", "timeout",
            "canceled", "rescinded", "wrapping", "completed");

    /** What must never reach a caller: stack frames, exception names, Java class names. */
    private static final Pattern LEAK = Pattern.compile(String.join("|",
            "Exception", "Throwable", "Caused by", "\\tat ", "\\bat (?:org|java|javax|jakarta|io|com|sun|jdk)\\.",
            "\\.java:\\d+", "\\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)*Error\\b",
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*",
            "\\b(?:java|javax|jakarta|sun|jdk)\\.[a-z]+\\.",
            "\\b(?:org|com|io)\\.(?:taskrouter|jboss|fasterxml|quarkus|vertx|netty|smallrye|hibernate|eclipse|apache"
                    + "|twilio|resteasy|mutiny)\\b",
            "\\$\\$"));

    // ---------------------------------------------------------------------------------------------------------
    // The callbacks: unsigned or badly signed garbage
    // ---------------------------------------------------------------------------------------------------------

    /** Pieces of form bodies: separators, broken escapes, NUL, non-ASCII, the real parameter names. */
    private static final String[] FORM_PIECES = {
        "&", "&", "=", "=", "%", "%G1", "%e9", "%C3", "%C3%A9", "%00", "%2", "%%", "%zz", "%u00e9", "+", "%2B",
        "\u0000", "\u00e9", "\ud83d\ude00", "\u2028", "\uFEFF", " ", "\r\n", ";", "?", "#", "[", "]", "{", "}",
        "\"", "'", "\\", "a", "b", "1", "TaskSid", "WorkerSid", "ReservationSid", "TaskAttributes", "EventType",
        "WT00000000000000000000000000000001", "{\"a\":1}", "[[[[", "%7B%22a%22%3A", "name", "value",
    };

    static Stream<Arguments> garbageCallbackBodies() {
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            for (int i = 0; i < RANDOM_CASES; i++) {
                Req request = new Req("POST", endpoint);
                Expect expect;
                switch (i % 3) {
                    case 0 -> {
                        byte[] bytes = new byte[random.nextInt(2048)];
                        random.nextBytes(bytes);
                        request.bytes(FORM, bytes);
                        expect = Expect.oneOf(400, 403);
                    }
                    case 1 -> {
                        request.text(FORM, soup(random, FORM_PIECES, 1 + random.nextInt(40)));
                        expect = Expect.oneOf(400, 403);
                    }
                    default -> {
                        // a well-formed body whose signature is missing, garbage, or made for something else
                        Map<String, String> params = endpoint.equals(CALLBACK) ? SignedForm.assignmentParams("{}")
                                : eventParams();
                        SignedForm genuine = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
                        request.text(FORM, genuine.body());
                        expect = Expect.oneOf(403);
                        switch (random.nextInt(5)) {
                            case 0 -> {
                                // none
                            }
                            case 1 -> request.header("X-Twilio-Signature", "");
                            case 2 -> {
                                byte[] mac = new byte[random.nextInt(40)];
                                random.nextBytes(mac);
                                request.header("X-Twilio-Signature", Base64.getEncoder().encodeToString(mac));
                            }
                            case 3 -> request.header("X-Twilio-Signature", SignedForm.of(SignedForm.TEST_PUBLIC_BASE
                                    + (endpoint.equals(CALLBACK) ? EVENTS : CALLBACK), params).signature());
                            default -> {
                                char[] signature = genuine.signature().toCharArray();
                                int at = random.nextInt(signature.length - 1);
                                signature[at] = signature[at] == 'A' ? 'B' : 'A';
                                request.header("X-Twilio-Signature", new String(signature));
                            }
                        }
                    }
                }
                if (i % 3 != 2 && random.nextBoolean()) {
                    request.header("X-Twilio-Signature", soup(random, new String[] {"a", "Z", "0", "+", "/", "=",
                        " ", "\u00e9"}, random.nextInt(60)));
                }
                cases.add(named("random #" + i, request, expect));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> nastyCallbackBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            Map<String, String> params = endpoint.equals(CALLBACK) ? SignedForm.assignmentParams("{}")
                    : eventParams();
            SignedForm genuine = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
            Expect refused = Expect.oneOf(400, 403);
            for (String body : List.of("", "%", "%G1", "%e9", "%C3", "%%", "%2", "a=%", "a=%G1", "a=%e9", "%G1=a",
                    "TaskSid=%e9", "TaskSid=%", "a=%zz&b=1", "&&&", "=", "==", "=&=", "&=&", "=a", "a", "a&a&a",
                    "a==b", "+", "%2B=%2B", "\u0000", "%00=%00", "Task\u0000Sid=WT\u0000", "%0d%0a=%0d%0a",
                    "\u00e9=\u00e9", "\ud83d\ude00", "a=b;c=d", "?a=b", "#", "[]=1", "a[]=1&a[]=2",
                    "TaskSid=" + TASK + "&TaskSid=" + TASK + "&TaskSid=x",
                    "x=1&".repeat(5_000),
                    "TaskSid=1&".repeat(3_000),
                    "&".repeat(60_000),
                    "=".repeat(60_000),
                    "%".repeat(60_000),
                    "n".repeat(60_000) + "=v",
                    "TaskAttributes=" + "%5B".repeat(15_000),
                    "a=" + "%00".repeat(20_000),
                    genuine.body() + "&",
                    genuine.body() + "&=",
                    genuine.body() + "&%",
                    "&" + genuine.body())) {
                cases.add(named(endpoint + " " + body, new Req("POST", endpoint).text(FORM, body), refused));
                cases.add(named(endpoint + " garbage signature " + body, new Req("POST", endpoint).text(FORM, body)
                        .header("X-Twilio-Signature", "garbage=="), refused));
            }
            // signatures: missing, empty, garbage, huge, non-ASCII, repeated, for another URL, body altered after
            for (String signature : List.of("", " ", "=", "====", "garbage", "\u00e9\u00e8", "A".repeat(20_000),
                    genuine.signature() + "=", "=" + genuine.signature(), genuine.signature() + "\u00e9",
                    genuine.signature().toLowerCase(Locale.ROOT), genuine.signature() + "," + genuine.signature())) {
                cases.add(named(endpoint + " signature '" + signature + "'", new Req("POST", endpoint)
                        .text(FORM, genuine.body()).header("X-Twilio-Signature", signature), Expect.oneOf(403)));
            }
            // spaces around a header value are not part of it (RFC 9110): the genuine signature
            for (String signature : List.of(genuine.signature() + " ", " " + genuine.signature() + "\t")) {
                cases.add(named(endpoint + " signature '" + signature + "'", new Req("POST", endpoint)
                        .text(FORM, genuine.body()).header("X-Twilio-Signature", signature), Expect.oneOf(200, 204)));
            }
            cases.add(named(endpoint + " two signature headers", new Req("POST", endpoint).text(FORM, genuine.body())
                    .header("X-Twilio-Signature", "garbage").header("X-Twilio-Signature", genuine.signature()),
                    Expect.oneOf(200, 204, 403)));
            cases.add(named(endpoint + " signed, then a parameter added", new Req("POST", endpoint)
                    .text(FORM, genuine.body() + "&Extra=1").header("X-Twilio-Signature", genuine.signature()),
                    Expect.oneOf(403)));
            cases.add(named(endpoint + " signed for http instead of https", new Req("POST", endpoint)
                    .text(FORM, genuine.body()).header("X-Twilio-Signature", SignedForm.of(
                            "http://callbacks.example.test" + endpoint, params).signature()), Expect.oneOf(403)));
            // oversized bodies, no Content-Type, bad escapes in the URL: see the edges below
            // wrong content types: 415
            for (String type : List.of(JSON_TYPE, "text/plain", "application/xml", "multipart/form-data; boundary=x",
                    "application/octet-stream", "application/x-www-form-urlencodedX", "form", "text/html")) {
                cases.add(named(endpoint + " Content-Type " + type, new Req("POST", endpoint)
                        .text(type, genuine.body()).header("X-Twilio-Signature", genuine.signature()),
                        Expect.oneOf(415)));
            }
            // a charset the body is not in, an Accept that cannot be honoured: still answered, never a 5xx
            cases.add(named(endpoint + " charset ISO-8859-1", new Req("POST", endpoint)
                    .text(FORM + "; charset=ISO-8859-1", genuine.body()), refused));
            cases.add(named(endpoint + " Accept: text/html", new Req("POST", endpoint).text(FORM, genuine.body())
                    .header("X-Twilio-Signature", genuine.signature()).header("Accept", "text/html"),
                    Expect.of("200, 204 or 406", s -> s == 200 || s == 204 || s == 406)));
            cases.add(named(endpoint + " Accept: garbage", new Req("POST", endpoint).text(FORM, genuine.body())
                    .header("X-Twilio-Signature", genuine.signature()).header("Accept", "%%;;q=abc/"),
                    Expect.of("200, 204 or 4xx", s -> s == 200 || s == 204 || clientError(s))));
            // requests REST Assured cannot make: sent as they are
            cases.add(named(endpoint + " Content-Type ;;;", Req.raw("POST", endpoint).rawBody(genuine.body())
                    .header("Content-Type", ";;;").header("X-Twilio-Signature", genuine.signature()),
                    Expect.of("400 or 415", s -> s == 400 || s == 415)));
            cases.add(named(endpoint + "?%e9", Req.raw("POST", endpoint + "?%e9").rawBody(genuine.body())
                    .header("Content-Type", FORM).header("X-Twilio-Signature", genuine.signature()),
                    Expect.oneOf(403)));
            cases.add(named(endpoint + "?a=%00", Req.raw("POST", endpoint + "?a=%00").rawBody(genuine.body())
                    .header("Content-Type", FORM).header("X-Twilio-Signature", genuine.signature()),
                    Expect.oneOf(403)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbageCallbackBodies")
    void neverAnswers500ToGarbageCallbackBodies(Case hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nastyCallbackBodies")
    void answersNastyCallbackBodiesAndSignaturesWithAJsonError(Case hostile) {
        hostile.check();
    }

    /**
     * Requests the content negotiation of the callbacks may refuse, sent as they are: an unknown charset, a
     * charset the body is not in.
     */
    static Stream<Arguments> callbackCharsets() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            Map<String, String> params = endpoint.equals(CALLBACK) ? SignedForm.assignmentParams("{}")
                    : eventParams();
            SignedForm genuine = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
            for (String charset : List.of("nope", "utf-16", "UTF-32", "\"utf-8\"", "", "x-unknown-1")) {
                cases.add(named(endpoint + " charset=" + charset, Req.raw("POST", endpoint).rawBody(genuine.body())
                        .header("Content-Type", FORM + "; charset=" + charset)
                        .header("X-Twilio-Signature", genuine.signature()),
                        Expect.of("200, 204 or 4xx", s -> s == 200 || s == 204 || clientError(s))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callbackCharsets")
    void answersCallbacksInAnUnknownCharsetWithoutA500(Case hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The callbacks: correctly signed, so that what comes after the signature check is exercised
    // ---------------------------------------------------------------------------------------------------------

    private static final String[] JSON_PIECES = {
        "{", "}", "{", "}", "[", "]", ":", ":", ",", ",", "\"", "\"a\"", "\"selected_language\"", "\"es\"", "null",
        "true", "false", "0", "-0", "-1", "1e400", "-1e400", "1e-400", "99999999999999999999", "1.5", "NaN",
        "Infinity", "\"\\u0000\"", "\"\\ud800\"", "\\", "\"\u00e9\"", "\"\ud83d\ude00\"", " ", "\n", "\t", "/*",
        "*/", "//", "'", "0x10", "+1", ".5", "1.", "\u0000", "\uFEFF", "\u2028", "{\"a\":1}", "[]", "{}",
    };
    private static final String[] JSON_STRINGS = {
        "", "es", "\u00e9", "\ud83d\ude00", "\\u0000", "\\ud800", "\\\"", "a\\nb", "<script>", "${jndi:ldap://x}",
        "%s%n", "' OR 1=1 --", "../../etc/passwd", "\\u202e", "\u0000",
    };
    private static final String[] JSON_NUMBERS = {
        "0", "-0", "1e400", "-1e400", "1e-400", "99999999999999999999", "1.5", "2147483648", "-2147483649",
        "123456789012345678901234567890.5", "1E2", "0.0000001",
    };

    /** A JSON-ish value: often valid JSON (object or not), often slightly broken, sometimes pure soup. */
    static String jsonValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> soup(random, JSON_PIECES, 1 + random.nextInt(25));
            case 1 -> mutate(randomJson(random, 0), random);
            default -> randomJson(random, 0);
        };
    }

    static String randomJson(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 3 : 7)) {
            case 0 -> "\"" + JSON_STRINGS[random.nextInt(JSON_STRINGS.length)] + "\"";
            case 1 -> JSON_NUMBERS[random.nextInt(JSON_NUMBERS.length)];
            case 2 -> List.of("true", "false", "null").get(random.nextInt(3));
            case 3 -> Stream.generate(() -> randomJson(random, depth + 1)).limit(random.nextInt(4))
                    .collect(Collectors.joining(",", "[", "]"));
            default -> Stream.generate(() -> "\"" + JSON_STRINGS[random.nextInt(JSON_STRINGS.length)] + "\":"
                    + randomJson(random, depth + 1)).limit(random.nextInt(4))
                    .collect(Collectors.joining(",", "{", "}"));
        };
    }

    /** A SID that is surely not a valid one of the kind {@code prefix}: wrong prefix, length, digits, blank. */
    static String badSid(String prefix, Random random) {
        String sid = switch (random.nextInt(12)) {
            case 0 -> (prefix.equals("WT") ? "WK" : "WT") + hex(random, 32);
            case 1 -> prefix + hex(random, 31);
            case 2 -> prefix + hex(random, 33);
            case 3 -> prefix + "zz" + hex(random, 30);
            case 4 -> prefix.toLowerCase(Locale.ROOT) + hex(random, 32);
            case 5 -> prefix + "\u0661".repeat(32); // Arabic-Indic digits: digits, but not hexadecimal
            case 6 -> prefix + hex(random, 32) + "\u0000";
            case 7 -> " " + prefix + hex(random, 32);
            case 8 -> prefix + hex(random, 16) + "\ud83d\ude00" + hex(random, 14);
            case 9 -> soup(random, FORM_PIECES, 1 + random.nextInt(10));
            case 10 -> prefix + "0".repeat(10_000);
            default -> prefix;
        };
        return validSid(sid, prefix) ? sid + "!" : sid;
    }

    static boolean validSid(String value, String prefix) {
        return value.length() == 34 && value.startsWith(prefix) && value.matches("[A-Z]{2}[0-9a-fA-F]{32}");
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedHostileParameters")
    void answersSignedGarbageParametersWith400AndSoundOnesWithAnAnswer(Case hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedNastyParameters")
    void answersSignedNastyParametersWithAJsonError(Case hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The operator API: POST /api/tasks
    // ---------------------------------------------------------------------------------------------------------

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
        java.util.Collections.shuffle(fields, random);
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
            cases.add(named("random #" + i, new Req("POST", "/api/tasks").operator().text(type, body),
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
            cases.add(named(body, new Req("POST", "/api/tasks").operator().text(JSON_TYPE, body),
                    Expect.operatorAnswer()));
        }
        byte[] bytes = new byte[1024];
        new Random(SEED).nextBytes(bytes);
        cases.add(named("random bytes", new Req("POST", "/api/tasks").operator().bytes(JSON_TYPE, bytes),
                Expect.operatorAnswer()));
        cases.add(named("Content-Type text/plain", new Req("POST", "/api/tasks").operator()
                .text("text/plain", "{\"attributes\":{}}"), Expect.oneOf(415)));
        cases.add(named("Accept: text/html", new Req("POST", "/api/tasks").operator()
                .text(JSON_TYPE, "{\"attributes\":{}}").header("Accept", "text/html"), Expect.operatorAnswer()));
        cases.add(named("Accept: garbage", new Req("POST", "/api/tasks").operator()
                .text(JSON_TYPE, "{\"attributes\":{}}").header("Accept", "%%;;q=abc/"), Expect.operatorAnswer()));
        for (String charset : List.of("nope", "utf-16", "UTF-32", "")) {
            cases.add(named("charset=" + charset, Req.raw("POST", "/api/tasks").header("Authorization", BEARER)
                    .header("Content-Type", JSON_TYPE + "; charset=" + charset).rawBody("{\"attributes\":{}}"),
                    Expect.operatorAnswer()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTaskCreations")
    void neverAnswers500ToHostileTaskCreations(Case hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The operator API: SIDs in paths, bodies of the lifecycle calls
    // ---------------------------------------------------------------------------------------------------------

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
            Req request;
            Expect expect;
            switch (random.nextInt(7)) {
                case 0 -> {
                    request = new Req("GET", "/api/tasks/{t}").pathParam(task);
                    expect = sidExpectation(task, "WT");
                }
                case 1, 2 -> {
                    String action = pick(random, new String[] {"wrapup", "complete", "cancel"});
                    request = new Req("POST", "/api/tasks/{t}/" + action).pathParam(task);
                    if (body != null) {
                        request.text(random.nextInt(4) == 0 ? "text/plain" : JSON_TYPE, body);
                    }
                    expect = sidExpectation(task, "WT");
                }
                case 3, 4 -> {
                    String reservation = randomSid(random, "WR");
                    String action = random.nextBoolean() ? "accept" : "reject";
                    request = new Req("POST", "/api/tasks/{t}/reservations/{r}/" + action).pathParam(task)
                            .pathParam(reservation);
                    if (body != null) {
                        request.text(JSON_TYPE, body);
                    }
                    expect = sidExpectation(task, "WT", reservation, "WR");
                }
                default -> {
                    String worker = randomSid(random, "WK");
                    request = new Req("PUT", "/api/workers/{w}/activity").pathParam(worker);
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
            cases.add(named("GET /api/tasks/" + sid, Req.raw("GET", "/api/tasks/" + sid)
                    .header("Authorization", BEARER), Expect.operatorAnswer()));
            cases.add(named("POST /api/tasks/" + sid + "/complete", Req.raw("POST", "/api/tasks/" + sid + "/complete")
                    .header("Authorization", BEARER), Expect.operatorAnswer()));
            cases.add(named("POST /api/tasks/" + TASK + "/reservations/" + sid + "/accept", Req.raw("POST",
                    "/api/tasks/" + TASK + "/reservations/" + sid + "/accept").header("Authorization", BEARER),
                    Expect.operatorAnswer()));
            cases.add(named("PUT /api/workers/" + sid + "/activity", Req.raw("PUT", "/api/workers/" + sid
                    + "/activity").header("Authorization", BEARER).header("Content-Type", JSON_TYPE)
                    .rawBody("{\"activitySid\":\"" + ACTIVITY + "\"}"), Expect.operatorAnswer()));
        }
        for (String unicode : List.of("\u00e9", "\ud83d\ude00", "WT\u0661\u0662", "\u202e" + TASK, "\uff37\uff34",
                "WT" + "\u0000".repeat(32), "WT0123456789abcdef0123456789abcde\u00e9")) {
            cases.add(named("GET /api/tasks/{" + unicode + "}", new Req("GET", "/api/tasks/{t}").pathParam(unicode)
                    .operator(), Expect.oneOf(400)));
        }
        for (String body : ACTION_BODIES) {
            for (String action : List.of("wrapup", "complete", "cancel")) {
                Req request = new Req("POST", "/api/tasks/" + TASK + "/" + action).operator();
                if (body != null) {
                    request.text(JSON_TYPE, body);
                }
                cases.add(named(action + " " + body, request, Expect.operatorAnswer()));
            }
            Req reject = new Req("POST", "/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/reject").operator();
            if (body != null) {
                reject.text(JSON_TYPE, body);
            }
            cases.add(named("reject " + body, reject, Expect.operatorAnswer()));
            cases.add(named("PUT activity " + body, new Req("PUT", "/api/workers/" + WORKER + "/activity").operator()
                    .text(JSON_TYPE, body == null ? "" : body), Expect.operatorAnswer()));
        }
        cases.add(named("PUT activity without a body", new Req("PUT", "/api/workers/" + WORKER + "/activity")
                .operator(), Expect.operatorAnswer()));
        cases.add(named("PUT activity as text/plain", new Req("PUT", "/api/workers/" + WORKER + "/activity")
                .operator().text("text/plain", "{\"activitySid\":\"" + ACTIVITY + "\"}"), Expect.oneOf(415)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePathSids")
    void answersGarbageSidsInPathsWithAJsonError(Case hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The operator API: query parameters
    // ---------------------------------------------------------------------------------------------------------

    private static final String[] QUERY_PIECES = {
        "pending", "reserved", "assigned", "wrapping", "completed", "canceled", "accepted", "rejected", "timeout",
        "rescinded", ",", ",", " ", "%", "%G1", "\u0000", "\u00e9", "\ud83d\ude00", "PENDING", "*", "'", "\"",
        ";", "&", "=", "-1", "0", "1", "abc", "99999999999", "1e3", "\t", "\n", "[", "]", "{", "}",
    };

    /** What {@code GET /api/events?limit=…} must answer: 200 in 1..500, 400 outside, a 4xx if not a number. */
    static Expect limitExpectation(String limit) {
        try {
            int value = Integer.parseInt(limit);
            return value >= 1 && value <= 500 ? Expect.oneOf(200) : Expect.oneOf(400);
        } catch (NumberFormatException e) {
            // not a number as it stands; one after trimming may be read either way
        }
        try {
            int value = Integer.parseInt(limit.trim());
            return value >= 1 && value <= 500 ? Expect.of("200 or 4xx", s -> s == 200 || clientError(s))
                    : Expect.of("4xx", HostileInputTest::clientError);
        } catch (NumberFormatException e) {
            return limit.isEmpty() ? Expect.of("200 or 4xx", s -> s == 200 || clientError(s))
                    : Expect.of("4xx", HostileInputTest::clientError);
        }
    }

    static Stream<Arguments> hostileQueries() {
        Random random = new Random(SEED + 5);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < RANDOM_CASES; i++) {
            switch (i % 3) {
                case 0 -> {
                    Req request = new Req("GET", "/api/tasks").operator();
                    List<String> values = new ArrayList<>();
                    for (int n = 1 + random.nextInt(3); n > 0; n--) {
                        String value = soup(random, QUERY_PIECES, random.nextInt(6));
                        values.add(value);
                        request.query("assignmentStatus", value);
                    }
                    boolean known = values.stream().flatMap(v -> Stream.of(v.split(","))).map(String::trim)
                            .filter(v -> !v.isEmpty()).allMatch(TASK_STATUSES::contains);
                    cases.add(named("random #" + i + " assignmentStatus=" + values, request,
                            known ? Expect.operatorAnswer() : Expect.oneOf(400)));
                }
                case 1 -> {
                    String status = soup(random, QUERY_PIECES, random.nextInt(4));
                    cases.add(named("random #" + i + " status=" + status, new Req("GET", "/api/reservations")
                            .operator().query("status", status), status.isEmpty()
                                    || RESERVATION_STATUSES.contains(status) ? Expect.operatorAnswer()
                                            : Expect.oneOf(400)));
                }
                default -> {
                    String limit = random.nextBoolean() ? Integer.toString(random.nextInt(2_000) - 500)
                            : soup(random, QUERY_PIECES, random.nextInt(3));
                    cases.add(named("random #" + i + " limit=" + limit, new Req("GET", "/api/events").operator()
                            .query("limit", limit), limitExpectation(limit)));
                }
            }
        }
        for (String limit : List.of("-1", "0", "abc", "99999999999", "2147483648", "-2147483649", "1e3", "0x10",
                "+5", " 5", "5 ", "", "500", "501", "1.5", "\u0661\u0662", "5,6", "\u0000", "NaN", "9".repeat(3_000))) {
            cases.add(named("limit=" + limit, new Req("GET", "/api/events").operator().query("limit", limit),
                    limitExpectation(limit)));
        }
        cases.add(named("limit twice", new Req("GET", "/api/events").operator().query("limit", "5")
                .query("limit", "abc"), Expect.of("200 or 4xx", s -> s == 200 || clientError(s))));
        for (String status : List.of("", ",", ",,,", " , ", "pending,", "pending,garbage", "PENDING", "pending ",
                "x".repeat(3_000), "\u0000", "pending\u0000",
                "assigned,wrapping,completed,canceled,reserved,pending")) {
            boolean known = Stream.of(status.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .allMatch(TASK_STATUSES::contains);
            cases.add(named("assignmentStatus=" + status, new Req("GET", "/api/tasks").operator()
                    .query("assignmentStatus", status), known ? Expect.operatorAnswer() : Expect.oneOf(400)));
            // an empty status is the default, pending
            cases.add(named("status=" + status, new Req("GET", "/api/reservations").operator().query("status", status),
                    status.isEmpty() || RESERVATION_STATUSES.contains(status) ? Expect.operatorAnswer()
                            : Expect.oneOf(400)));
        }
        for (String raw : List.of("/api/events?limit=%e9", "/api/events?limit=%00", "/api/events?&&&",
                "/api/events?limit", "/api/events?limit=5&limit=%ff", "/api/tasks?assignmentStatus=%e9",
                "/api/tasks?assignmentStatus=%ff%fe", "/api/tasks?assignmentStatus=%2C%2C",
                "/api/reservations?status=%c0%ae",
                "/api/reservations?status", "/api/reservations?=pending", "/api/reservations?status=pending%00")) {
            cases.add(named(raw, Req.raw("GET", raw).header("Authorization", BEARER), Expect.operatorAnswer()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileQueries")
    void answersGarbageQueryParametersWithAJsonError(Case hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The operator API: tokens
    // ---------------------------------------------------------------------------------------------------------

    /** Every operator route, with a body it would take. */
    static Req operatorRoute(int which) {
        return switch (which % 14) {
            case 0 -> new Req("GET", "/api/tasks");
            case 1 -> new Req("GET", "/api/tasks/" + TASK);
            case 2 -> new Req("POST", "/api/tasks").text(JSON_TYPE, "{\"attributes\":{}}");
            case 3 -> new Req("GET", "/api/reservations");
            case 4 -> new Req("GET", "/api/workers");
            case 5 -> new Req("PUT", "/api/workers/" + WORKER + "/activity")
                    .text(JSON_TYPE, "{\"activitySid\":\"" + ACTIVITY + "\"}");
            case 6 -> new Req("GET", "/api/activities");
            case 7 -> new Req("GET", "/api/events");
            case 8 -> new Req("POST", "/api/setup");
            case 9 -> new Req("POST", "/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/accept");
            case 10 -> new Req("POST", "/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/reject");
            case 11 -> new Req("POST", "/api/tasks/" + TASK + "/wrapup");
            case 12 -> new Req("POST", "/api/tasks/" + TASK + "/complete");
            default -> new Req("POST", "/api/tasks/" + TASK + "/cancel");
        };
    }

    private static final String[] TOKEN_PIECES = {
        "Bearer ", "Bearer", "bearer ", "Basic ", "Token ", " ", "  ", "test-operator-token", "test", "-", "operator",
        "token", "=", ",", ";", "\"", "\u00e9", "\u00ff", "\u00a0", "\t", "0", "x", "A", "/", "+", "Bearer test",
    };

    static Stream<Arguments> wrongTokens() {
        Random random = new Random(SEED + 6);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < RANDOM_CASES; i++) {
            String token = switch (random.nextInt(4)) {
                case 0 -> "Bearer " + soup(random, TOKEN_PIECES, 1 + random.nextInt(8));
                case 1 -> soup(random, TOKEN_PIECES, 1 + random.nextInt(8));
                case 2 -> "Basic " + Base64.getEncoder().encodeToString(
                        soup(random, TOKEN_PIECES, 1 + random.nextInt(6)).getBytes(StandardCharsets.UTF_8));
                default -> mutate(BEARER, random);
            };
            String sent = token.replaceAll("^[ \t]+|[ \t]+$", ""); // HTTP drops the spaces around a value
            if (sent.regionMatches(true, 0, "Bearer ", 0, 7)
                    && sent.substring(7).trim().equals("test-operator-token")) {
                token = token + "x"; // the right token by chance: not what this family tests
            }
            cases.add(named("random #" + i + " '" + token + "'", operatorRoute(i).header("Authorization", token),
                    Expect.oneOf(401)));
        }
        for (String token : List.of("", " ", "Bearer", "Bearer ", "Bearer  ", "bearer", "Bearer\ttest-operator-token",
                "Bearer test-operator-token2", "Bearer test-operator-toke", "Bearer test-operator-token,x",
                "Bearer " + "t".repeat(10 * 1024), "Bearer " + "t".repeat(16 * 1024), "Basic xyz",
                "Basic " + Base64.getEncoder().encodeToString("x:test-operator-token".getBytes(StandardCharsets.UTF_8)),
                "Token test-operator-token", "test-operator-token", "Bearer t\u00ebst", "Bearer \u00ff\u00fe",
                "Bearer test-operator-token\u00a0x", "Bearer=test-operator-token", "Bearertest-operator-token")) {
            for (int route = 0; route < 14; route += 3) {
                cases.add(named("'" + token + "' on route " + route, operatorRoute(route)
                        .header("Authorization", token), Expect.oneOf(401)));
            }
        }
        for (int route = 0; route < 14; route++) {
            cases.add(named("no Authorization on route " + route, operatorRoute(route), Expect.oneOf(401)));
            cases.add(named("two Authorization headers on route " + route, operatorRoute(route)
                    .header("Authorization", BEARER).header("Authorization", BEARER),
                    Expect.of("401 or an operator answer", s -> s == 401 || Expect.operatorAnswer().ok().test(s))));
        }
        // accepted on purpose: the scheme is case-insensitive and the token is trimmed
        for (String token : List.of("bearer test-operator-token", "BEARER test-operator-token",
                "Bearer   test-operator-token   ")) {
            cases.add(named("'" + token + "' is the right token", operatorRoute(7).header("Authorization", token),
                    Expect.oneOf(200)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTokens")
    void refusesWrongTokensWith401InJson(Case hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Unknown routes and methods
    // ---------------------------------------------------------------------------------------------------------

    static Stream<Arguments> unknownRoutes() {
        List<Arguments> cases = new ArrayList<>();
        String[][] routes = {
            {"DELETE", "/api/tasks"}, {"PUT", "/api/tasks"}, {"PATCH", "/api/tasks/" + TASK},
            {"DELETE", "/api/tasks/" + TASK}, {"GET", "/api/tasks/" + TASK + "/complete"},
            {"GET", "/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/accept"}, {"GET", "/api/setup"},
            {"POST", "/api/workers"}, {"GET", "/api/workers/" + WORKER + "/activity"}, {"POST", "/api/events"},
            {"GET", "/assignment_callback"}, {"PUT", "/assignment_callback"}, {"DELETE", "/assignment_callback"},
            {"GET", "/events"}, {"PATCH", "/events"}, {"GET", "/q/nope"}, {"POST", "/q/nope"}, {"GET", "/nope"},
            {"GET", "/api"}, {"GET", "/api/"}, {"GET", "/api/nope"}, {"POST", "/api/nope"},
            {"GET", "/api/tasks/" + TASK + "/x/y/z"}, {"GET", "/api/tasks/" + TASK + "/reservations"},
            {"POST", "/assignment_callback/x"}, {"POST", "/events/x"}, {"GET", "/api/tasks/" + TASK + "/"},
        };
        for (String[] route : routes) {
            cases.add(named(route[0] + " " + route[1], new Req(route[0], route[1]), Expect.oneOf(401, 404, 405)));
            cases.add(named(route[0] + " " + route[1] + " with the token", new Req(route[0], route[1]).operator(),
                    Expect.oneOf(404, 405)));
        }
        for (String raw : List.of("//api//tasks", "/api/./tasks", "/api/tasks/../../q/nope", "/%00",
                "/assignment_callback%00", "/api/tasks%2F" + TASK, "/\u00e9")) {
            cases.add(named("GET " + raw, Req.raw("GET", raw).header("Authorization", BEARER),
                    Expect.of("any 4xx, or an operator answer", s -> clientError(s) || s == 200 || s == 503)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownRoutes")
    void answersUnknownRoutesAndMethodsWith404Or405InJson(Case hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Edges: inputs that once broke the rule, and those the HTTP layer answers before any route runs.
    // ---------------------------------------------------------------------------------------------------------

    /**
     * JSON that is valid but of the wrong shape for the body it should bind to (an array, a string where a number
     * goes…): every such case, random or hand-picked, of the task creation and path SID families above. They are
     * answered 400 without the error shape today, by Quarkus' built-in MismatchedInputException mapper.
     */
    static Stream<Arguments> jsonOfTheWrongShape() {
        return Stream.of(allTaskCreations(), allPathSidCases()).flatMap(cases -> cases)
                .filter(arguments -> caseOf(arguments).wrongShapeJson());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonOfTheWrongShape")
    void answersJsonOfTheWrongShapeInTheErrorShape(Case hostile) {
        hostile.check();
    }

    /** Bodies over the 64 KiB limit, with a Content-Length or chunked. */
    static Stream<Arguments> oversizedBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            Map<String, String> params = endpoint.equals(CALLBACK) ? SignedForm.assignmentParams("{}")
                    : eventParams();
            SignedForm genuine = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
            for (String huge : List.of("TaskAttributes=" + "a".repeat(70 * 1024), "a".repeat(70 * 1024),
                    "%".repeat(70 * 1024), genuine.body() + "&Pad=" + "x".repeat(70 * 1024))) {
                cases.add(named(endpoint + " 70 KiB " + huge, new Req("POST", endpoint).text(FORM, huge)
                        .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(413)));
            }
            cases.add(named(endpoint + " 70 KiB chunked", Req.raw("POST", endpoint).chunked()
                    .rawBody("TaskAttributes=" + "a".repeat(70 * 1024)).header("Content-Type", FORM)
                    .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(413)));
        }
        String hugeTask = "{\"attributes\":{\"a\":\"" + "x".repeat(70 * 1024) + "\"}}";
        cases.add(named("POST /api/tasks 70 KiB", new Req("POST", "/api/tasks").operator().text(JSON_TYPE, hugeTask),
                Expect.oneOf(413)));
        cases.add(named("POST /api/tasks 70 KiB chunked", Req.raw("POST", "/api/tasks").chunked().rawBody(hugeTask)
                .header("Authorization", BEARER).header("Content-Type", JSON_TYPE), Expect.oneOf(413)));
        cases.add(named("complete with 70 KiB", new Req("POST", "/api/tasks/" + TASK + "/complete").operator()
                .text(JSON_TYPE, "{\"reason\":\"" + "r".repeat(70 * 1024) + "\"}"), Expect.oneOf(413)));
        cases.add(named("complete with 70 KiB chunked", Req.raw("POST", "/api/tasks/" + TASK + "/complete").chunked()
                .rawBody("{\"reason\":\"" + "r".repeat(70 * 1024) + "\"}").header("Authorization", BEARER)
                .header("Content-Type", JSON_TYPE), Expect.oneOf(413)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedBodies")
    void answersOversizedBodiesWith413(Case hostile) {
        hostile.check();
    }

    /** Percent-escapes in the request line that decode to nothing: {@code %}, {@code %G1}, {@code %u002e}. */
    static Stream<Arguments> malformedEscapesInTheUrl() {
        List<Arguments> cases = new ArrayList<>();
        for (String sid : List.of("%G1", "%", "%u002e%u002e", "WT%zz")) {
            cases.add(named("GET /api/tasks/" + sid, Req.raw("GET", "/api/tasks/" + sid)
                    .header("Authorization", BEARER), Expect.oneOf(400)));
            cases.add(named("POST /api/tasks/" + sid + "/complete", Req.raw("POST", "/api/tasks/" + sid + "/complete")
                    .header("Authorization", BEARER), Expect.oneOf(400)));
            cases.add(named("POST …/reservations/" + sid + "/accept", Req.raw("POST", "/api/tasks/" + TASK
                    + "/reservations/" + sid + "/accept").header("Authorization", BEARER),
                    Expect.oneOf(400)));
            cases.add(named("PUT /api/workers/" + sid + "/activity", Req.raw("PUT", "/api/workers/" + sid
                    + "/activity").header("Authorization", BEARER).header("Content-Type", JSON_TYPE)
                    .rawBody("{\"activitySid\":\"" + ACTIVITY + "\"}"),
                    Expect.oneOf(400)));
        }
        for (String raw : List.of("/api/events?limit=%", "/api/events?limit=%G1", "/api/events?%=%",
                "/api/tasks?assignmentStatus=%G1", "/api/tasks?assignmentStatus=%", "/api/reservations?status=%",
                "/%G1", "/q/nope?%")) {
            cases.add(named("GET " + raw, Req.raw("GET", raw).header("Authorization", BEARER),
                    Expect.oneOf(400)));
        }
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            Map<String, String> params = endpoint.equals(CALLBACK) ? SignedForm.assignmentParams("{}")
                    : eventParams();
            SignedForm genuine = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
            for (String query : List.of("?%", "?a=%G1&b=%e9", "?%zz=1")) {
                cases.add(named("POST " + endpoint + query, Req.raw("POST", endpoint + query).rawBody(genuine.body())
                        .header("Content-Type", FORM).header("X-Twilio-Signature", genuine.signature()),
                        Expect.oneOf(400)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEscapesInTheUrl")
    void answersMalformedEscapesInTheUrlWith400InJson(Case hostile) {
        hostile.check();
    }

    /** Bodies without a Content-Type, or with an empty one, where only one type is consumed: 415. */
    static Stream<Arguments> callbacksWithoutContentType() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            Map<String, String> params = endpoint.equals(CALLBACK) ? SignedForm.assignmentParams("{}")
                    : eventParams();
            SignedForm genuine = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
            cases.add(named(endpoint + " no Content-Type", Req.raw("POST", endpoint).rawBody(genuine.body())
                    .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(415)));
            cases.add(named(endpoint + " empty Content-Type", Req.raw("POST", endpoint).rawBody(genuine.body())
                    .header("Content-Type", "").header("X-Twilio-Signature", genuine.signature()),
                    Expect.oneOf(415)));
        }
        // The operator API reads a body without a Content-Type as the JSON it consumes (curl -d sends a form
        // type, and -X POST none): lenient on purpose, but never a 5xx.
        cases.add(named("POST /api/tasks no Content-Type", Req.raw("POST", "/api/tasks").header("Authorization", BEARER)
                .rawBody("{\"attributes\":{}}"), Expect.operatorAnswer()));
        cases.add(named("PUT activity no Content-Type", Req.raw("PUT", "/api/workers/" + WORKER + "/activity")
                .header("Authorization", BEARER).rawBody("{\"activitySid\":\"" + ACTIVITY + "\"}"),
                Expect.operatorAnswer()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callbacksWithoutContentType")
    void refusesBodiesWithoutAContentTypeWith415(Case hostile) {
        hostile.check();
    }

    /**
     * Request lines and headers over the service's limits (4 KiB request line, 20 KiB headers): 414 and 431 in
     * JSON; far beyond them (over the codec's 64 KiB), the codec's own answer, with the status but no body. And a
     * request without the Host header HTTP/1.1 requires.
     */
    static Stream<Arguments> oversizedRequestLinesAndHeaders() {
        List<Arguments> cases = new ArrayList<>();
        String longSid = "WT" + "0".repeat(10_000);
        cases.add(named("GET /api/tasks/{10,000 characters}", new Req("GET", "/api/tasks/" + longSid).operator(),
                Expect.oneOf(414)));
        cases.add(named("POST …/reservations/{10,000 characters}/accept", new Req("POST", "/api/tasks/" + TASK
                + "/reservations/WR" + "f".repeat(10_000) + "/accept").operator(), Expect.oneOf(414)));
        cases.add(named("PUT /api/workers/{10,000 characters}/activity", new Req("PUT", "/api/workers/WK"
                + "a".repeat(10_000) + "/activity").operator().text(JSON_TYPE, "{\"activitySid\":\"" + ACTIVITY
                        + "\"}"), Expect.oneOf(414)));
        cases.add(named("GET /api/tasks?assignmentStatus={10,000 characters}", new Req("GET", "/api/tasks")
                .operator().query("assignmentStatus", "x".repeat(10_000)), Expect.oneOf(414)));
        cases.add(named("POST /assignment_callback?{5,000 characters}", new Req("POST", CALLBACK + "?pad="
                + "p".repeat(5_000)).text(FORM, "a=b").header("X-Twilio-Signature", "x"), Expect.oneOf(414)));
        cases.add(named("Authorization: Bearer {30 KiB}", new Req("GET", "/api/events")
                .header("Authorization", "Bearer " + "t".repeat(30 * 1024)), Expect.oneOf(431)));
        cases.add(named("X-Twilio-Signature: {30 KiB}", new Req("POST", CALLBACK).text(FORM, "a=b")
                .header("X-Twilio-Signature", "s".repeat(30 * 1024)), Expect.oneOf(431)));
        cases.add(named("30 headers of 1 KiB", manyHeaders(new Req("GET", "/api/events").operator(), 30, 1024),
                Expect.oneOf(431)));
        cases.add(named("GET /api/tasks/{70,000 characters}", Req.raw("GET", "/api/tasks/WT" + "0".repeat(70_000))
                .header("Authorization", BEARER), Expect.byTheHttpLayer(Expect.oneOf(414))));
        cases.add(named("X-Pad: {70 KiB}", Req.raw("GET", "/api/events").header("Authorization", BEARER)
                .header("X-Pad", "p".repeat(70 * 1024)), Expect.byTheHttpLayer(Expect.oneOf(431))));
        cases.add(named("GET /api/events without Host", Req.raw("GET", "/api/events").withoutHost()
                .header("Authorization", BEARER), Expect.oneOf(400)));
        cases.add(named("POST /assignment_callback without Host", Req.raw("POST", CALLBACK).withoutHost()
                .rawBody("a=b").header("Content-Type", FORM).header("X-Twilio-Signature", "x"), Expect.oneOf(400)));
        return cases.stream();
    }

    private static Req manyHeaders(Req request, int count, int bytes) {
        for (int i = 0; i < count; i++) {
            request.header("X-Pad-" + i, "p".repeat(bytes));
        }
        return request;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedRequestLinesAndHeaders")
    void answersOversizedRequestLinesAndHeadersWithA4xx(Case hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The checks themselves: each answer the rule forbids must fail them
    // ---------------------------------------------------------------------------------------------------------

    static Stream<Arguments> forbiddenAnswers() {
        String json = "application/json";
        return Stream.of(
                Arguments.of("a 500 in the right shape",
                        new Answer(500, json, "{\"status\":500,\"error\":\"Internal error\"}")),
                Arguments.of("a 502", new Answer(502, json, "{\"status\":502,\"error\":\"TaskRouter failed\"}")),
                Arguments.of("a stack trace",
                        new Answer(400, json, "{\"status\":400,\"error\":\"x\\n\\tat org.acme.A.b(A.java:1)\"}")),
                Arguments.of("an exception name",
                        new Answer(400, json, "{\"status\":400,\"error\":\"IllegalStateException\"}")),
                Arguments.of("a class name",
                        new Answer(400, json, "{\"status\":400,\"error\":\"bad com.fasterxml.jackson.X\"}")),
                Arguments.of("an error without a body", new Answer(400, null, "")),
                Arguments.of("an error in text", new Answer(400, "text/plain", "Bad Request")),
                Arguments.of("an error not JSON", new Answer(400, json, "<html>")),
                Arguments.of("an error of another shape", new Answer(400, json, "{\"objectName\":\"Class\"}")),
                Arguments.of("a status that is not the HTTP status",
                        new Answer(400, json, "{\"status\":404,\"error\":\"x\"}")),
                Arguments.of("an error without words", new Answer(400, json, "{\"status\":400,\"error\":\" \"}")),
                Arguments.of("an unexpected field",
                        new Answer(400, json, "{\"status\":400,\"error\":\"x\",\"trace\":\"y\"}")),
                Arguments.of("an unexpected status", new Answer(200, json, "{}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenAnswers")
    void theChecksRefuseEveryAnswerTheRuleForbids(String what, Answer answer) {
        Case hostile = new Case(new Req("POST", "/api/tasks").operator().text(JSON_TYPE, "[]"),
                Expect.of("4xx or 503", s -> clientError(s) || s == 503), false);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> hostile.verify(answer), what);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Requests, answers and the checks every answer goes through
    // ---------------------------------------------------------------------------------------------------------

    /** The statuses a case accepts, with words for the failure message. */
    record Expect(String description, IntPredicate ok, boolean emptyBodyAllowed) {

        static Expect of(String description, IntPredicate ok) {
            return new Expect(description, ok, false);
        }

        static Expect oneOf(int... statuses) {
            Set<Integer> allowed = java.util.Arrays.stream(statuses).boxed().collect(Collectors.toSet());
            return new Expect(allowed.size() == 1 ? allowed.iterator().next().toString() : "one of " + allowed,
                    allowed::contains, false);
        }

        /** An authorised operator call: its answer, a refusal, TaskRouter's 404/409/422, or 503 if unavailable. */
        static Expect operatorAnswer() {
            return new Expect("2xx, 4xx or 503", s -> (s >= 200 && s < 300) || clientError(s) || s == 503, false);
        }

        /**
         * Refused by Vert.x's HTTP codec before any route runs (a request line or headers over the codec's
         * 64 KiB): the status is right, the body may be empty.
         */
        static Expect byTheHttpLayer(Expect expect) {
            return new Expect(expect.description() + " (HTTP layer: the body may be empty)", expect.ok(), true);
        }
    }

    static boolean clientError(int status) {
        return status >= 400 && status < 500;
    }

    /** One hostile request. Raw ones are written to a socket as they are; the others go through REST Assured. */
    static final class Req {
        final String method;
        final String path;
        final boolean raw;
        final List<Object> pathParams = new ArrayList<>();
        final List<String[]> query = new ArrayList<>();
        final List<String[]> headers = new ArrayList<>();
        String contentType;
        byte[] body;
        boolean chunked;
        boolean host = true;

        Req(String method, String path) {
            this(method, path, false);
        }

        private Req(String method, String path, boolean raw) {
            this.method = method;
            this.path = path;
            this.raw = raw;
        }

        static Req raw(String method, String target) {
            return new Req(method, target, true);
        }

        Req pathParam(String value) {
            pathParams.add(value);
            return this;
        }

        Req query(String name, String value) {
            query.add(new String[] {name, value});
            return this;
        }

        Req header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Req operator() {
            return header("Authorization", BEARER);
        }

        Req text(String type, String text) {
            return bytes(type, text.getBytes(StandardCharsets.UTF_8));
        }

        Req bytes(String type, byte[] bytes) {
            this.contentType = type;
            this.body = bytes;
            return this;
        }

        Req rawBody(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Req withoutHost() {
            this.host = false;
            return this;
        }

        Req chunked() {
            this.chunked = true;
            return this;
        }

        /**
         * Whether this request carries valid JSON that Jackson cannot bind to the body type of its endpoint (a
         * {@code MismatchedInputException}: an array for an object, a string for a number…). The resources of
         * complete, cancel and reject read their optional body whatever its Content-Type.
         */
        boolean wrongShapeJson() {
            if (body == null || new String(body, StandardCharsets.UTF_8).isBlank() || raw) {
                return false;
            }
            boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(JSON_TYPE);
            Class<?> type;
            if (method.equals("POST") && path.equals("/api/tasks") && json) {
                type = CreateTaskRequest.class;
            } else if (method.equals("PUT") && path.endsWith("/activity") && json) {
                type = ActivityRequest.class;
            } else if (method.equals("POST") && path.endsWith("/complete")) {
                type = CompleteTaskRequest.class;
            } else if (method.equals("POST") && path.endsWith("/cancel")) {
                type = CancelTaskRequest.class;
            } else if (method.equals("POST") && path.endsWith("/reject")) {
                type = RejectRequest.class;
            } else {
                return false;
            }
            try {
                BINDER.readValue(body, type);
                return false;
            } catch (MismatchedInputException e) {
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** Everything the caller sent, decoded where it is encoded: what an error message may fairly repeat. */
        String inputs() {
            StringBuilder all = new StringBuilder(path).append('\n').append(decodeQuietly(path));
            pathParams.forEach(p -> all.append('\n').append(p));
            query.forEach(q -> all.append('\n').append(q[0]).append('=').append(q[1]));
            headers.forEach(h -> all.append('\n').append(h[1]));
            if (body != null) {
                String text = new String(body, StandardCharsets.UTF_8);
                all.append('\n').append(text).append('\n').append(decodeQuietly(text));
            }
            return all.toString();
        }

        Answer send() {
            return raw ? sendRaw() : sendWithRestAssured();
        }

        /**
         * Path parameters and query parameters are percent-encoded here and sent as they are: REST Assured's own
         * templating loops forever on values with braces in them.
         */
        private Answer sendWithRestAssured() {
            RequestSpecification spec = given().config(AS_IS).urlEncodingEnabled(false);
            headers.forEach(h -> spec.header(h[0], h[1]));
            if (contentType != null) {
                spec.contentType(contentType);
            }
            if (body != null && contentType != null && (contentType.equalsIgnoreCase(FORM)
                    || contentType.toLowerCase(Locale.ROOT).startsWith(FORM + ";"))) {
                // REST Assured sends form bodies only as text; ISO-8859-1 carries every byte through unchanged
                spec.body(new String(body, StandardCharsets.ISO_8859_1));
            } else if (body != null) {
                spec.body(body);
            }
            StringBuilder target = new StringBuilder();
            Iterator<Object> params = pathParams.iterator();
            Matcher template = Pattern.compile("\\{[a-z]+}").matcher(path);
            int at = 0;
            while (template.find()) {
                target.append(path, at, template.start()).append(percentEncode(params.next().toString()));
                at = template.end();
            }
            target.append(path.substring(at));
            String separator = "?";
            for (String[] q : query) {
                target.append(separator).append(percentEncode(q[0])).append('=').append(percentEncode(q[1]));
                separator = "&";
            }
            Response response = spec.when().request(method, target.toString());
            return new Answer(response.statusCode(), response.getHeader("Content-Type"),
                    new String(response.asByteArray(), StandardCharsets.UTF_8));
        }

        private Answer sendRaw() {
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            if (host) {
                head.append("Host: localhost:").append(RestAssured.port).append("\r\n");
            }
            head.append("Connection: close\r\n");
            headers.forEach(h -> head.append(h[0]).append(": ").append(h[1]).append("\r\n"));
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            head.append("\r\n");
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                try {
                    // the request line and headers are sent as bytes, so that raw non-ASCII bytes reach the server
                    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                    if (body != null) {
                        if (chunked) {
                            for (int at = 0; at < body.length; at += 8192) {
                                int n = Math.min(8192, body.length - at);
                                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                                out.write(body, at, n);
                                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                            }
                            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        } else {
                            out.write(body);
                        }
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server may answer (413) and close before the whole body is sent: read what it said
                }
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        received.write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    if (received.size() == 0) {
                        throw e;
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("No answer to " + this + ": " + e, e);
            }
            return Answer.parse(received.toByteArray());
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(method).append(' ').append(path);
            if (!pathParams.isEmpty()) {
                text.append(" with ").append(pathParams);
            }
            if (!query.isEmpty()) {
                text.append(" ?").append(query.stream().map(q -> q[0] + "=" + q[1]).collect(Collectors.joining("&")));
            }
            headers.forEach(h -> text.append(" [").append(h[0]).append(": ").append(h[1]).append(']'));
            if (contentType != null) {
                text.append(" [Content-Type: ").append(contentType).append(']');
            }
            if (body != null) {
                text.append(" body(").append(body.length).append(" bytes)=")
                        .append(new String(body, StandardCharsets.UTF_8));
            }
            return printable(text.toString(), 600);
        }
    }

    /** An HTTP answer: status, Content-Type (or null), body. */
    record Answer(int status, String contentType, String body) {

        static Answer parse(byte[] bytes) {
            String all = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("Not an HTTP answer: " + printable(all, 400));
            }
            String[] lines = all.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = null;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].toLowerCase(Locale.ROOT);
                if (line.startsWith("content-type:")) {
                    contentType = lines[i].substring(13).trim();
                } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            return new Answer(status, contentType, new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = at;
                while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                    lineEnd++;
                }
                String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
                int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
                if (n == 0) {
                    break;
                }
                out.write(chunked, lineEnd + 2, Math.min(n, chunked.length - lineEnd - 2));
                at = lineEnd + 2 + n + 2;
            }
            return out.toByteArray();
        }
    }

    /** A hostile request and what it must be answered with. */
    record Case(Req request, Expect expect, boolean wrongShapeJson) {

        void check() {
            verify(request.send());
        }

        /** Fails unless {@code answer} is one this request may get. */
        void verify(Answer answer) {
            String context = "\nrequest:  " + request + "\nresponse: " + answer.status() + " [" + answer.contentType()
                    + "] " + printable(answer.body(), 1_000);
            int status = answer.status();
            assertTrue(status < 500 || (status == 503 && expect.ok().test(503)),
                    "a server error for hostile input" + context);
            assertTrue(expect.ok().test(status), "expected " + expect.description() + context);
            boolean error = status >= 400;
            if (error || request.path.startsWith(CALLBACK)) {
                Matcher leak = LEAK.matcher(answer.body());
                String inputs = request.inputs();
                while (leak.find()) {
                    if (!inputs.contains(leak.group())) {
                        fail("the body shows '" + leak.group() + "'" + context);
                    }
                }
            }
            if (error) {
                if (!(expect.emptyBodyAllowed() && answer.body().isEmpty())) {
                    assertErrorShape(answer, context);
                }
            } else if (!answer.body().isEmpty()) {
                assertTrue(answer.contentType() != null && answer.contentType().startsWith(JSON_TYPE),
                        "a successful answer with a body that is not JSON" + context);
                readJson(answer.body(), context);
            } else if (request.path.equals(EVENTS)) {
                assertEquals(204, status, "an event is acknowledged with 204" + context);
            }
        }

        private static void assertErrorShape(Answer answer, String context) {
            assertTrue(answer.contentType() != null && answer.contentType().startsWith(JSON_TYPE),
                    "an error that is not application/json" + context);
            JsonNode json = readJson(answer.body(), context);
            assertTrue(json.isObject(), "an error that is not a JSON object" + context);
            assertTrue(json.path("status").isInt() && json.get("status").intValue() == answer.status(),
                    "an error whose \"status\" is not the HTTP status" + context);
            assertTrue(json.path("error").isTextual() && !json.get("error").asText().isBlank(),
                    "an error without words in \"error\"" + context);
            for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
                String name = names.next();
                assertTrue(name.equals("status") || name.equals("error")
                        || (name.equals("twilioCode") && json.get(name).isInt()),
                        "an error with an unexpected field '" + name + "'" + context);
            }
        }

        private static JsonNode readJson(String body, String context) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("a body that is not JSON" + context, e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------------------------

    static Arguments named(String label, Req request, Expect expect) {
        boolean wrongShape = request.wrongShapeJson();
        if (wrongShape) {
            expect = Expect.of("4xx", HostileInputTest::clientError);
        }
        return Arguments.of(Named.of(printable(label, 120) + " → " + expect.description(),
                new Case(request, expect, wrongShape)));
    }

    @SuppressWarnings("unchecked")
    static Case caseOf(Arguments arguments) {
        return ((Named<Case>) arguments.get()[0]).getPayload();
    }

    /** The cases that are not wrong-shape JSON (see {@link #answersJsonOfTheWrongShapeInTheErrorShape}). */
    static Stream<Arguments> sound(Stream<Arguments> cases) {
        return cases.filter(a -> !caseOf(a).wrongShapeJson());
    }

    /** An event callback as TaskRouter posts it. */
    static Map<String, String> eventParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("WorkspaceSid", "WS00000000000000000000000000000000");
        params.put("Sid", "EV00000000000000000000000000000042");
        params.put("EventType", "task.created");
        params.put("EventDescription", "Task WT… created");
        params.put("ResourceType", "task");
        params.put("ResourceSid", TASK);
        params.put("TaskSid", TASK);
        params.put("TaskAssignmentStatus", "pending");
        params.put("TaskAttributes", "{\"selected_language\":\"es\"}");
        params.put("Timestamp", "1732492800");
        return params;
    }

    /** {@code params} posted to {@code endpoint}, correctly signed: the request passes the signature check. */
    static Req signed(String endpoint, Map<String, String> params) {
        SignedForm form = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
        return new Req("POST", endpoint).text(FORM, form.body()).header("X-Twilio-Signature", form.signature());
    }

    /** {@code params} with {@code name} repeated with {@code values}, correctly signed. */
    static Req signedMulti(String endpoint, Map<String, String> params, String name, String... values) {
        params.remove(name);
        StringBuilder body = new StringBuilder(SignedForm.of("x", params).body());
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        multi.put(name, List.of(values));
        for (String value : values) {
            body.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return new Req("POST", endpoint).text(FORM, body.toString())
                .header("X-Twilio-Signature", SIGNER.sign(SignedForm.TEST_PUBLIC_BASE + endpoint, multi));
    }

    /** A raw form body, signed over the parameters it decodes to (lone UTF-8 bytes become U+FFFD). */
    static Req signedRaw(String endpoint, String body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            multi.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    n -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new Req("POST", endpoint).text(FORM, body)
                .header("X-Twilio-Signature", SIGNER.sign(SignedForm.TEST_PUBLIC_BASE + endpoint, multi));
    }

    static String soup(Random random, String[] pieces, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    static String hex(Random random, int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return text.toString();
    }

    /** {@code text} with one to three characters deleted, inserted or replaced. */
    static String mutate(String text, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = mutated.length() == 0 ? 0 : random.nextInt(mutated.length());
            String alphabet = "{}[]\":,\\ 0a\u0000\u00e9";
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (mutated.length() > 0) {
                        mutated.deleteCharAt(at);
                    }
                }
                case 1 -> mutated.insert(at, c);
                default -> {
                    if (mutated.length() > 0) {
                        mutated.setCharAt(at, c);
                    }
                }
            }
        }
        return mutated.toString();
    }

    /** Every byte of {@code text} in UTF-8 percent-encoded, but for the unreserved characters of RFC 3986. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static String decodeQuietly(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Control characters escaped, long texts cut: fit for a test name or a failure message. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == '\u2028' || c == '\u202e'
                    || c == '\uFEFF') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > max) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
