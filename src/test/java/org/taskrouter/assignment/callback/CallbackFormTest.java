package org.taskrouter.assignment.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.error.BadRequestException;

/** The callback's form decoding, with {@link URLDecoder} as the oracle for what each pair means. */
class CallbackFormTest {

    private static final String PIECES = "aZ09-_.~ +&=%é€😀\"{}:,";

    /** What {@code URLDecoder} makes of {@code body}, pair by pair, in order, repeated names kept together. */
    private static Map<String, List<String>> oracle(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String random(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.appendCodePoint(PIECES.codePointAt(PIECES.offsetByCodePoints(0, random.nextInt(
                    PIECES.codePointCount(0, PIECES.length())))));
        }
        return text.toString();
    }

    @Test
    void decodesEveryEncodedFormAsUrlDecoderDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int p = random.nextInt(14); p >= 0; p--) {
                // a name from a small set, so that names repeat within and across bodies, as TaskRouter's do
                String name = random.nextInt(3) == 0 ? random(random, 1 + random.nextInt(12))
                        : "Name" + random.nextInt(20);
                String value = random(random, random.nextInt(30));
                body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            String form = body.toString();
            assertEquals(oracle(form), CallbackForm.parse(form).params(), form);
        }
    }

    @Test
    void decodesNamesSpelledWithEscapesOrPlusAsTheirText() {
        Map<String, List<String>> params = CallbackForm.parse("Task%53id=WT1&Task+Sid=2&TaskSid=3").params();
        assertEquals(List.of("WT1", "3"), params.get("TaskSid"));
        assertEquals(List.of("2"), params.get("Task Sid"));
    }

    @Test
    void givesTheSameNameFromTwoBodiesAsOneString() {
        String first = CallbackForm.parse("TaskSid=WT1").params().keySet().iterator().next();
        String second = CallbackForm.parse("a=b&TaskSid=WT2").params().keySet().stream()
                .filter("TaskSid"::equals).findFirst().orElseThrow();
        assertSame(first, second, "a name seen before is not copied out of the body again");
    }

    @Test
    void refusesMalformedEscapesAndNamelessPairs() {
        for (String body : List.of("a=%G1", "a=%", "a=%e", "%zz=1", "=value")) {
            assertThrows(BadRequestException.class, () -> CallbackForm.parse(body), body);
        }
    }
}
