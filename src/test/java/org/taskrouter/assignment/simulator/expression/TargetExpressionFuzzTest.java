package org.taskrouter.assignment.simulator.expression;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TargetExpressionFuzzTest {

    private static final String[] PATHS = {"languages", "selected_language", "customer.tier", "a.b.c", "level",
        "vip", "x", "missing"};
    private static final String[] SCALARS = {"\"es\"", "'en'", "\"a\\\"b\"", "'gold'", "1", "1.5", "-2", "0",
        "true", "FALSE"};
    private static final String[] LISTS = {"[\"es\",\"en\"]", "[1, 2]", "[]", "['gold', -1.5, true]"};
    private static final String[] CONNECTIVES = {"AND", "and", "OR", "or"};

    /** Grammar tokens and junk: unsupported operators, broken literals, odd and invalid characters. */
    private static final String[] PIECES = {
        "languages", "customer.tier", "==", "!=", "HAS", "in", "AND", "or", "(", ")", "[", "]", ",", ".", "\"es\"",
        "'en'", "1", "-2", "true", "[1,2]", " ", "CONTAINS", "NOT", ">", "<", ">=", "~", "=", "!", "&&", "||", "\"",
        "'", "\\", "1.", "1.2.3", "-", "1abc", "count(", "#", "$", "{", "}", ";", "\t", "\n", "\u0000", "\u00e9",
        "\u00a0", "\uD83D", "\uDE00",
    };

    private static final JsonNode ATTRIBUTES = attributes();

    private static JsonNode attributes() {
        try {
            return new ObjectMapper().readTree("{\"languages\": [\"es\", \"en\"], \"selected_language\": \"es\","
                    + " \"customer\": {\"tier\": \"gold\"}, \"a\": {\"b\": {\"c\": 1}}, \"level\": 1.5,"
                    + " \"vip\": true, \"x\": null}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 300 texts from a fixed seed: a third generated from the grammar (which must parse), a third of those with
     * a few random edits (near misses, the likeliest to expose a gap), a third of random token soup.
     */
    static Stream<Arguments> randomTexts() {
        Random random = new Random(42);
        return IntStream.range(0, 300).mapToObj(i -> switch (i % 3) {
            case 0 -> Arguments.of(expression(random, 0), true);
            case 1 -> Arguments.of(mutate(expression(random, 0), random), false);
            default -> Arguments.of(soup(random), false);
        });
    }

    @ParameterizedTest
    @MethodSource("randomTexts")
    void parseEitherSucceedsOrThrowsExpressionException(String text, boolean grammatical) {
        TargetExpression expression;
        try {
            expression = TargetExpression.parse(text);
        } catch (ExpressionException e) {
            assertFalse(grammatical, () -> "rejected a grammatical expression: " + e.getMessage());
            assertTrue(e.position() >= 0 && e.position() <= text.length(), e.getMessage());
            assertTrue(e.getMessage().endsWith(" in: " + text), e.getMessage());
            return;
        }
        // Whatever parses must also evaluate without throwing, against attributes and without them.
        expression.matches(ATTRIBUTES);
        expression.matches(null);
    }

    private static String expression(Random random, int depth) {
        String unit = depth < 3 && random.nextInt(4) == 0
                ? "(" + expression(random, depth + 1) + ")"
                : comparison(random);
        if (depth < 3 && random.nextInt(3) == 0) {
            return unit + " " + pick(CONNECTIVES, random) + " " + expression(random, depth + 1);
        }
        return unit;
    }

    private static String comparison(Random random) {
        String left = random.nextInt(5) == 0 ? pick(SCALARS, random) : pick(PATHS, random);
        return switch (random.nextInt(4)) {
            case 0 -> left + " == " + (random.nextBoolean() ? pick(SCALARS, random) : pick(PATHS, random));
            case 1 -> left + "!=" + pick(SCALARS, random);
            case 2 -> left + " HAS " + pick(SCALARS, random);
            default -> left + " in " + (random.nextInt(4) == 0 ? pick(PATHS, random) : pick(LISTS, random));
        };
    }

    private static String mutate(String text, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(mutated.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> mutated.insert(at, pick(PIECES, random));
                case 1 -> {
                    if (at < mutated.length()) {
                        mutated.deleteCharAt(at);
                    }
                }
                default -> mutated.insert(at, (char) random.nextInt(0x80));
            }
        }
        return mutated.toString();
    }

    private static String soup(Random random) {
        StringBuilder text = new StringBuilder();
        for (int pieces = random.nextInt(12); pieces > 0; pieces--) {
            text.append(pick(PIECES, random));
            if (random.nextBoolean()) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static String pick(String[] choices, Random random) {
        return choices[random.nextInt(choices.length)];
    }
}
