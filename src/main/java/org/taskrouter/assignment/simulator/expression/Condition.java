package org.taskrouter.assignment.simulator.expression;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The parsed form of an expression. */
sealed interface Condition {

    /** Whether the condition holds for these attributes (possibly {@code null} or not an object). */
    boolean test(JsonNode attributes);

    /**
     * Operands of a chain of ORs. Flat rather than a binary tree so that a long chain cannot overflow the
     * stack when evaluated.
     */
    record AnyOf(List<Condition> alternatives) implements Condition {

        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public boolean test(JsonNode attributes) {
            for (Condition alternative : alternatives) {
                if (alternative.test(attributes)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Operands of a chain of ANDs, flat for the same reason as {@link AnyOf}. */
    record AllOf(List<Condition> conditions) implements Condition {

        public AllOf {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(JsonNode attributes) {
            for (Condition condition : conditions) {
                if (!condition.test(attributes)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code left operator right}. */
    record Comparison(Operand left, Operator operator, Operand right) implements Condition {

        @Override
        public boolean test(JsonNode attributes) {
            JsonNode l = left.resolve(attributes);
            JsonNode r = right.resolve(attributes);
            // TaskRouter: any comparison involving a missing attribute is false, != included.
            if (l == null || r == null) {
                return false;
            }
            return switch (operator) {
                case EQUALS -> JsonValues.same(l, r);
                case NOT_EQUALS -> !JsonValues.same(l, r);
                case HAS -> l.isArray() ? JsonValues.contains(l, r) : JsonValues.same(l, r);
                case IN -> r.isArray() && (l.isArray() ? JsonValues.containsAny(r, l) : JsonValues.contains(r, l));
            };
        }
    }

    /** The comparison operators of the supported subset. */
    enum Operator {
        EQUALS, NOT_EQUALS, HAS, IN
    }
}
