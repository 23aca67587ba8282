package org.taskrouter.assignment.hostile;

import static org.taskrouter.assignment.hostile.HostileCase.Expect.clientError;
import static org.taskrouter.assignment.hostile.HostileInputs.CALLBACK;
import static org.taskrouter.assignment.hostile.HostileInputs.EVENTS;
import static org.taskrouter.assignment.hostile.HostileInputs.FORM;
import static org.taskrouter.assignment.hostile.HostileInputs.FORM_PIECES;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_TYPE;
import static org.taskrouter.assignment.hostile.HostileInputs.RANDOM_CASES;
import static org.taskrouter.assignment.hostile.HostileInputs.SEED;
import static org.taskrouter.assignment.hostile.HostileInputs.TASK;
import static org.taskrouter.assignment.hostile.HostileInputs.eventParams;
import static org.taskrouter.assignment.hostile.HostileInputs.genuineCallback;
import static org.taskrouter.assignment.hostile.HostileInputs.named;
import static org.taskrouter.assignment.hostile.HostileInputs.soup;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;
import org.taskrouter.assignment.support.SignedForm;

/**
 * Garbage at the two callbacks, {@code POST /assignment_callback} and {@code POST /events}, mostly unsigned or
 * badly signed: form bodies of random bytes, broken percent-escapes and separators, signatures missing, garbage or
 * made for another request, content types and charsets the callbacks do not consume.
 */
final class CallbackBodies {

    private CallbackBodies() {
    }

    static Stream<Arguments> garbageCallbackBodies() {
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            for (int i = 0; i < RANDOM_CASES; i++) {
                HostileRequest request = new HostileRequest("POST", endpoint);
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
                cases.add(named(endpoint + " " + body, new HostileRequest("POST", endpoint).text(FORM, body), refused));
                cases.add(named(endpoint + " garbage signature " + body, new HostileRequest("POST", endpoint)
                        .text(FORM, body).header("X-Twilio-Signature", "garbage=="), refused));
            }
            // signatures: missing, empty, garbage, huge, non-ASCII, repeated, for another URL, body altered after
            for (String signature : List.of("", " ", "=", "====", "garbage", "\u00e9\u00e8", "A".repeat(20_000),
                    genuine.signature() + "=", "=" + genuine.signature(), genuine.signature() + "\u00e9",
                    genuine.signature().toLowerCase(Locale.ROOT), genuine.signature() + "," + genuine.signature())) {
                cases.add(named(endpoint + " signature '" + signature + "'", new HostileRequest("POST", endpoint)
                        .text(FORM, genuine.body()).header("X-Twilio-Signature", signature), Expect.oneOf(403)));
            }
            // spaces around a header value are not part of it (RFC 9110): the genuine signature
            for (String signature : List.of(genuine.signature() + " ", " " + genuine.signature() + "\t")) {
                cases.add(named(endpoint + " signature '" + signature + "'", new HostileRequest("POST", endpoint)
                        .text(FORM, genuine.body()).header("X-Twilio-Signature", signature), Expect.oneOf(200, 204)));
            }
            cases.add(named(endpoint + " two signature headers", new HostileRequest("POST", endpoint)
                    .text(FORM, genuine.body()).header("X-Twilio-Signature", "garbage")
                    .header("X-Twilio-Signature", genuine.signature()), Expect.oneOf(200, 204, 403)));
            cases.add(named(endpoint + " signed, then a parameter added", new HostileRequest("POST", endpoint)
                    .text(FORM, genuine.body() + "&Extra=1").header("X-Twilio-Signature", genuine.signature()),
                    Expect.oneOf(403)));
            cases.add(named(endpoint + " signed for http instead of https", new HostileRequest("POST", endpoint)
                    .text(FORM, genuine.body()).header("X-Twilio-Signature", SignedForm.of(
                            "http://callbacks.example.test" + endpoint, params).signature()), Expect.oneOf(403)));
            // oversized bodies, no Content-Type, bad escapes in the URL: see the edges below
            // wrong content types: 415
            for (String type : List.of(JSON_TYPE, "text/plain", "application/xml", "multipart/form-data; boundary=x",
                    "application/octet-stream", "application/x-www-form-urlencodedX", "form", "text/html")) {
                cases.add(named(endpoint + " Content-Type " + type, new HostileRequest("POST", endpoint)
                        .text(type, genuine.body()).header("X-Twilio-Signature", genuine.signature()),
                        Expect.oneOf(415)));
            }
            // a charset the body is not in, an Accept that cannot be honoured: still answered, never a 5xx
            cases.add(named(endpoint + " charset ISO-8859-1", new HostileRequest("POST", endpoint)
                    .text(FORM + "; charset=ISO-8859-1", genuine.body()), refused));
            cases.add(named(endpoint + " Accept: text/html", new HostileRequest("POST", endpoint)
                    .text(FORM, genuine.body()).header("X-Twilio-Signature", genuine.signature())
                    .header("Accept", "text/html"),
                    Expect.of("200, 204 or 406", s -> s == 200 || s == 204 || s == 406)));
            cases.add(named(endpoint + " Accept: garbage", new HostileRequest("POST", endpoint)
                    .text(FORM, genuine.body()).header("X-Twilio-Signature", genuine.signature())
                    .header("Accept", "%%;;q=abc/"),
                    Expect.of("200, 204 or 4xx", s -> s == 200 || s == 204 || clientError(s))));
            // requests REST Assured cannot make: sent as they are
            cases.add(named(endpoint + " Content-Type ;;;", HostileRequest.raw("POST", endpoint).rawBody(genuine.body())
                    .header("Content-Type", ";;;").header("X-Twilio-Signature", genuine.signature()),
                    Expect.of("400 or 415", s -> s == 400 || s == 415)));
            cases.add(named(endpoint + "?%e9", HostileRequest.raw("POST", endpoint + "?%e9").rawBody(genuine.body())
                    .header("Content-Type", FORM).header("X-Twilio-Signature", genuine.signature()),
                    Expect.oneOf(403)));
            cases.add(named(endpoint + "?a=%00", HostileRequest.raw("POST", endpoint + "?a=%00").rawBody(genuine.body())
                    .header("Content-Type", FORM).header("X-Twilio-Signature", genuine.signature()),
                    Expect.oneOf(403)));
        }
        return cases.stream();
    }

    /**
     * Requests the content negotiation of the callbacks may refuse, sent as they are: an unknown charset, a
     * charset the body is not in.
     */
    static Stream<Arguments> callbackCharsets() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(CALLBACK, EVENTS)) {
            SignedForm genuine = genuineCallback(endpoint);
            for (String charset : List.of("nope", "utf-16", "UTF-32", "\"utf-8\"", "", "x-unknown-1")) {
                cases.add(named(endpoint + " charset=" + charset, HostileRequest.raw("POST", endpoint)
                        .rawBody(genuine.body()).header("Content-Type", FORM + "; charset=" + charset)
                        .header("X-Twilio-Signature", genuine.signature()),
                        Expect.of("200, 204 or 4xx", s -> s == 200 || s == 204 || clientError(s))));
            }
        }
        return cases.stream();
    }
}
