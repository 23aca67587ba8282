package org.taskrouter.assignment.hostile;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;
import org.taskrouter.assignment.signature.TwilioSignature;
import org.taskrouter.assignment.support.PrintableText;
import org.taskrouter.assignment.support.SignedForm;

/**
 * What the hostile request families are made of: the endpoints and SIDs they aim at, the pieces random inputs are
 * cut from, the helpers that turn a request and its expectation into a named case, and the signing of form bodies.
 * Random inputs come from {@code new Random(SEED + n)}, one seed per generator, so every run sends the same
 * requests.
 */
final class HostileInputs {

    static final int RANDOM_CASES = 150;
    static final long SEED = 42;

    static final String BEARER = "Bearer test-operator-token";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON_TYPE = "application/json";
    static final String CALLBACK = "/assignment_callback";
    static final String EVENTS = "/events";

    static final String TASK = "WT00000000000000000000000000000001";
    static final String RESERVATION = "WR00000000000000000000000000000001";
    static final String WORKER = "WK0000000000000000000000000000a11c";
    static final String ACTIVITY = "WA00000000000000000000000000000001";

    private static final TwilioSignature SIGNER = new TwilioSignature(SignedForm.TEST_AUTH_TOKEN);

    /** Pieces of form bodies: separators, broken escapes, NUL, non-ASCII, the real parameter names. */
    static final String[] FORM_PIECES = {
        "&", "&", "=", "=", "%", "%G1", "%e9", "%C3", "%C3%A9", "%00", "%2", "%%", "%zz", "%u00e9", "+", "%2B",
        "\u0000", "\u00e9", "\ud83d\ude00", "\u2028", "\uFEFF", " ", "\r\n", ";", "?", "#", "[", "]", "{", "}",
        "\"", "'", "\\", "a", "b", "1", "TaskSid", "WorkerSid", "ReservationSid", "TaskAttributes", "EventType",
        "WT00000000000000000000000000000001", "{\"a\":1}", "[[[[", "%7B%22a%22%3A", "name", "value",
    };
    private static final String[] JSON_PIECES = {
        "{", "}", "{", "}", "[", "]", ":", ":", ",", ",", "\"", "\"a\"", "\"selected_language\"", "\"es\"", "null",
        "true", "false", "0", "-0", "-1", "1e400", "-1e400", "1e-400", "99999999999999999999", "1.5", "NaN",
        "Infinity", "\"\\u0000\"", "\"\\ud800\"", "\\", "\"\u00e9\"", "\"\ud83d\ude00\"", " ", "\n", "\t", "/*",
        "*/", "//", "'", "0x10", "+1", ".5", "1.", "\u0000", "\uFEFF", "\u2028", "{\"a\":1}", "[]", "{}",
    };
    static final String[] JSON_STRINGS = {
        "", "es", "\u00e9", "\ud83d\ude00", "\\u0000", "\\ud800", "\\\"", "a\\nb", "<script>", "${jndi:ldap://x}",
        "%s%n", "' OR 1=1 --", "../../etc/passwd", "\\u202e", "\u0000",
    };
    private static final String[] JSON_NUMBERS = {
        "0", "-0", "1e400", "-1e400", "1e-400", "99999999999999999999", "1.5", "2147483648", "-2147483649",
        "123456789012345678901234567890.5", "1E2", "0.0000001",
    };

    private HostileInputs() {
    }

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

    static Arguments named(String label, HostileRequest request, Expect expect) {
        boolean wrongShape = request.wrongShapeJson();
        if (wrongShape) {
            expect = Expect.of("4xx", Expect::clientError);
        }
        return Arguments.of(Named.of(PrintableText.of(label, 120) + " → " + expect.description(),
                new HostileCase(request, expect, wrongShape)));
    }

    @SuppressWarnings("unchecked")
    static HostileCase caseOf(Arguments arguments) {
        return ((Named<HostileCase>) arguments.get()[0]).getPayload();
    }

    /**
     * The cases that are not wrong-shape JSON (see
     * {@link HostileInputTest#answersJsonOfTheWrongShapeInTheErrorShape}).
     */
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
    static HostileRequest signed(String endpoint, Map<String, String> params) {
        SignedForm form = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
        return new HostileRequest("POST", endpoint).text(FORM, form.body())
                .header("X-Twilio-Signature", form.signature());
    }

    /** {@code params} with {@code name} repeated with {@code values}, correctly signed. */
    static HostileRequest signedMulti(String endpoint, Map<String, String> params, String name, String... values) {
        params.remove(name);
        StringBuilder body = new StringBuilder(SignedForm.of("x", params).body());
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        multi.put(name, List.of(values));
        for (String value : values) {
            body.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return new HostileRequest("POST", endpoint).text(FORM, body.toString())
                .header("X-Twilio-Signature", SIGNER.sign(SignedForm.TEST_PUBLIC_BASE + endpoint, multi));
    }

    /** A raw form body, signed over the parameters it decodes to (lone UTF-8 bytes become U+FFFD). */
    static HostileRequest signedRaw(String endpoint, String body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            multi.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    n -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new HostileRequest("POST", endpoint).text(FORM, body)
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

    /** A callback to {@code endpoint} (assignment or event) as TaskRouter signs it, to be spoiled one way. */
    static SignedForm genuineCallback(String endpoint) {
        Map<String, String> params = endpoint.equals(CALLBACK) ? SignedForm.assignmentParams("{}") : eventParams();
        return SignedForm.of(SignedForm.TEST_PUBLIC_BASE + endpoint, params);
    }
}
