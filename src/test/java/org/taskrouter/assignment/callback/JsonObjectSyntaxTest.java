package org.taskrouter.assignment.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.callback.JsonObjectSyntax.Verdict;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link JsonObjectSyntax} judges every text as the Jackson check it replaced did: Jackson's streaming parser is
 * the oracle, over hand-picked edges (Jackson's limits, literals, numbers, escapes) and 60,000 random texts, from
 * token soup and from valid JSON spoiled one character at a time.
 */
class JsonObjectSyntaxTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final String[] PIECES = {"{", "}", "[", "]", ",", ":", "\"", "\"a\"", "\"\\u00e9\"", "\\",
        "\\u12", "\\uZZZZ", "\\n", "\\x", "true", "false", "null", "tru", "nul", "truex", "true$", "-", "0", "01",
        "-0", "1", "12.5", "1.", ".5", "1e", "1e5", "1E+2", "2e-3", "+1", "NaN", "Infinity", " ", "\t", "\n", "\r",
        "\u0000", "\u001f", "\u000b", "\u2028", "\ufeff", "é", "😀", "a", "x", "$", "/", "//", "/*", "#", "'", "}}"};

    /** What the Jackson check made of {@code text}. */
    private static Verdict oracle(String text) {
        try (JsonParser parser = JACKSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Verdict.NOT_AN_OBJECT;
            }
            parser.skipChildren();
            return parser.currentToken() == JsonToken.END_OBJECT ? Verdict.OBJECT : Verdict.INVALID;
        } catch (JacksonException e) {
            return Verdict.INVALID;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertJudgedAsJacksonDoes(String text) {
        assertEquals(oracle(text), JsonObjectSyntax.of(text), () -> "for " + printable(text));
    }

    private static String printable(String text) {
        String cut = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder();
        cut.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }

    @Test
    void judgesTheHandPickedEdgesAsJacksonDoes() {
        List<String> edges = new ArrayList<>(List.of("{}", " {} ", "{}garbage", "{} {", "{\"a\":1}", "{\"a\":1,}",
                "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" : [1, 2, {\"b\": null}]}", "[]", "[1]", "\"x\"", "\"x", "1",
                "1 ", "1x", "-", "-1", "01", "true", "truex", "true$", "true\u0000", "nul", "{\"a\":tru}",
                "{\"a\":true$}", "{\"a\":truex}", "{\"a\":01}", "{\"a\":-01}", "{\"a\":-0}", "{\"a\":1.}",
                "{\"a\":.5}", "{\"a\":1e}", "{\"a\":1e+}", "{\"a\":1E-7}", "{\"a\":+1}", "{\"a\":NaN}",
                "{\"a\":\"\\u00E9\\/\\b\"}", "{\"a\":\"\\u00G9\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\u0001\"}",
                "{\"\u0001\":1}", "{\"a\":1]", "{\"a\":[1}", "\ufeff{}", "{\u000b}", "{/*c*/}", "{'a':1}",
                "{\"a\":1 \"b\":2}", "{\"a\"::1}", "{\"a\":[,1]}", "{\"a\":[1,,2]}", "}", "]", "{", "{\"a\":",
                "\t\r\n{\"a\":\"é😀\"}\n"));
        for (int depth : new int[] {999, 1000, 1001}) {
            edges.add("{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1));
            edges.add("{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");
        }
        for (int pairs : new int[] {31, 32, 33, 40, 499, 500}) {
            // objects and arrays alternating, past the 64 levels kept in bits; then one closer swapped
            String open = "{\"a\":[".repeat(pairs);
            String close = "]}".repeat(pairs);
            edges.add(open + "1" + close);
            edges.add(open + "1" + close.substring(0, close.length() - 4) + "}]" + "]}");
            edges.add(open + "1" + "]}".repeat(pairs - 1) + "}}");
        }
        for (int digits : new int[] {999, 1000, 1001}) {
            edges.add("{\"a\":" + "9".repeat(digits) + "}");
            edges.add("{\"a\":-" + "9".repeat(digits) + "}");
            edges.add("{\"a\":1." + "5".repeat(digits - 1) + "}");
            edges.add("{\"a\":1." + "5".repeat(digits - 3) + "e1}");
            edges.add("9".repeat(digits));
        }
        for (int length : new int[] {49_999, 50_000, 50_001}) {
            edges.add("{\"" + "n".repeat(length) + "\":1}");
            edges.add("{\"" + "\\u0041".repeat(length) + "\":1}");
            edges.add("{\"a\":\"" + "v".repeat(length) + "\"}");
        }
        edges.forEach(JsonObjectSyntaxTest::assertJudgedAsJacksonDoes);
    }

    @Test
    void judgesRandomTokenSoupAsJacksonDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "" : "{");
            for (int n = random.nextInt(16); n > 0; n--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertJudgedAsJacksonDoes(text.toString());
        }
    }

    @Test
    void judgesValidJsonSpoiledOneCharacterAtATimeAsJacksonDoes() throws IOException {
        Random random = new Random(13);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder(JACKSON.writeValueAsString(randomObject(random, 0)));
            for (int edits = random.nextInt(3); edits >= 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                    case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(2)));
                    default -> text.replace(at, Math.min(text.length(), at + 1),
                            PIECES[random.nextInt(PIECES.length)]);
                }
            }
            assertJudgedAsJacksonDoes(text.toString());
        }
    }

    private static Object randomObject(Random random, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int n = random.nextInt(depth > 2 ? 2 : 5); n > 0; n--) {
            object.put(PIECES[random.nextInt(PIECES.length)] + n, randomValue(random, depth + 1));
        }
        return object;
    }

    private static Object randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 5 : 7)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextDouble() * 1e6;
            case 2 -> PIECES[random.nextInt(PIECES.length)];
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> randomObject(random, depth);
            default -> Arrays.asList(randomValue(random, depth + 1), randomValue(random, depth + 1));
        };
    }
}
