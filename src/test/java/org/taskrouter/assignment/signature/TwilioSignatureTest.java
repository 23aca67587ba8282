package org.taskrouter.assignment.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.twilio.security.RequestValidator;

class TwilioSignatureTest {

    private static final String DOC_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static Map<String, List<String>> documentedParams() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("Caller", List.of("+12349013030"));
        params.put("Digits", List.of("1234"));
        params.put("From", List.of("+12349013030"));
        params.put("To", List.of("+18005551212"));
        return params;
    }

    @Test
    void signsTwiliosDocumentedVector() {
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", new TwilioSignature("12345").sign(DOC_URL, documentedParams()));
    }

    @Test
    void acceptsTheDocumentedSignature() {
        assertTrue(new TwilioSignature("12345").matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", DOC_URL, documentedParams()));
    }

    @Test
    void rejectsAChangedParameter() {
        Map<String, List<String>> params = documentedParams();
        params.put("Digits", List.of("1235"));
        assertFalse(new TwilioSignature("12345").matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", DOC_URL, params));
    }

    @Test
    void rejectsAnAddedParameter() {
        Map<String, List<String>> params = documentedParams();
        params.put("Extra", List.of(""));
        assertFalse(new TwilioSignature("12345").matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", DOC_URL, params));
    }

    @Test
    void rejectsAnotherToken() {
        assertFalse(new TwilioSignature("54321").matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", DOC_URL, documentedParams()));
    }

    @Test
    void rejectsAnotherUrl() {
        assertFalse(new TwilioSignature("12345").matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
                "https://mycompany.com/other.php?foo=1&bar=2", documentedParams()));
    }

    @Test
    void rejectsEmptyOrMissingSignature() {
        TwilioSignature signature = new TwilioSignature("12345");
        assertFalse(signature.matches("", DOC_URL, documentedParams()));
        assertFalse(signature.matches(null, DOC_URL, documentedParams()));
    }

    @Test
    void acceptsSignatureMadeWithTheDefaultPortWhenTheUrlHasNone() {
        TwilioSignature signature = new TwilioSignature("12345");
        String signedWithPort = signature.sign("https://mycompany.com:443/myapp.php?foo=1&bar=2", documentedParams());
        assertTrue(signature.matches(signedWithPort, DOC_URL, documentedParams()));
    }

    @Test
    void acceptsSignatureMadeWithoutTheDefaultPortWhenTheUrlHasIt() {
        TwilioSignature signature = new TwilioSignature("12345");
        assertTrue(signature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                documentedParams()));
    }

    @Test
    void doesNotTreatANonDefaultPortAsOptional() {
        TwilioSignature signature = new TwilioSignature("12345");
        assertFalse(signature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
                documentedParams()));
    }

    @Test
    void sortsParameterNamesByCodeUnitNotAlphabetically() {
        // 'Z' (0x5A) sorts before 'a' (0x61): TaskRouter's PascalCase names rely on this order.
        TwilioSignature signature = new TwilioSignature("12345");
        Map<String, List<String>> params = new HashMap<>();
        params.put("a", List.of("1"));
        params.put("Z", List.of("2"));
        Map<String, String> single = Map.of("a", "1", "Z", "2");
        assertTrue(new RequestValidator("12345").validate("https://x.test/cb", single,
                signature.sign("https://x.test/cb", params)));
    }

    static Stream<Arguments> generatedRequests() {
        Random random = new Random(42);
        List<Arguments> cases = new ArrayList<>();
        String[] names = { "AccountSid", "WorkspaceSid", "TaskSid", "TaskAttributes", "WorkerAttributes", "TaskAge",
                "ReservationSid", "Timestamp", "Unlisted", "x", "ÄÖ", "a b", "emoji😀" };
        String[] hosts = { "https://abc123.ngrok.app", "https://cc.example.com:443", "http://localhost:8080",
                "https://example.org/prefix" };
        for (int i = 0; i < 200; i++) {
            Map<String, String> params = new HashMap<>();
            int count = random.nextInt(8);
            for (int p = 0; p < count; p++) {
                params.put(names[random.nextInt(names.length)], randomValue(random));
            }
            String url = hosts[random.nextInt(hosts.length)] + "/assignment_callback"
                    + (random.nextBoolean() ? "" : "?n=" + random.nextInt(1000));
            String token = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            cases.add(Arguments.of(token, url, params));
        }
        return cases.stream();
    }

    private static String randomValue(Random random) {
        String alphabet = "abcXYZ0129 {}\":,[]+&=%é€😀\n\t";
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            value.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return value.toString();
    }

    @ParameterizedTest
    @MethodSource("generatedRequests")
    void agreesWithTwilioJavaRequestValidator(String token, String url, Map<String, String> params) {
        Map<String, List<String>> multi = new HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        String ours = new TwilioSignature(token).sign(url, multi);
        assertTrue(new RequestValidator(token).validate(url, params, ours), "twilio-java rejects our signature");
        assertTrue(new TwilioSignature(token).matches(ours, url, multi));
    }
}
