package org.taskrouter.assignment.simulator.expression;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed TaskRouter expression: a Workflow filter over Task attributes or a TaskQueue target-workers
 * expression over Worker attributes. Supports the subset quickstart workflows use: {@code ==}, {@code !=},
 * {@code HAS}, {@code IN}, {@code AND}, {@code OR} (keywords in any case), parentheses, string, number, boolean
 * and list literals, and dotted attribute paths. Immutable and thread-safe.
 */
public final class TargetExpression {

    private final String text;
    private final Condition condition;

    private TargetExpression(String text, Condition condition) {
        this.text = text;
        this.condition = condition;
    }

    /**
     * Parses {@code text}; throws {@link ExpressionException} naming the unsupported or malformed part and its
     * position for anything else, {@code null} and empty text included.
     */
    public static TargetExpression parse(String text) {
        if (text == null) {
            throw new ExpressionException("no expression (null)", 0, "");
        }
        return new TargetExpression(text, Parser.parse(text));
    }

    /**
     * Whether the expression holds for {@code attributes}, a JSON object of Task or Worker attributes. Any
     * comparison with a missing or null attribute is false, {@code !=} included; {@code null} or non-object
     * attributes behave as an empty object.
     */
    public boolean matches(JsonNode attributes) {
        return condition.test(attributes);
    }

    /** The text the expression was parsed from, unchanged. */
    public String text() {
        return text;
    }

    /** The original text. */
    @Override
    public String toString() {
        return text;
    }

    /** Equal when parsed from the same text. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TargetExpression expression && expression.text.equals(text);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
