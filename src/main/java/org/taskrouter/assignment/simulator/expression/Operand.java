package org.taskrouter.assignment.simulator.expression;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One side of a comparison: an attribute path or a literal value. */
sealed interface Operand {

    /** The operand's value for these attributes, or {@code null} when the attribute is missing or JSON null. */
    JsonNode resolve(JsonNode attributes);

    /** A dotted attribute path such as {@code customer.tier}. */
    record Path(List<String> segments) implements Operand {

        public Path {
            segments = List.copyOf(segments);
        }

        @Override
        public JsonNode resolve(JsonNode attributes) {
            JsonNode node = attributes;
            for (String segment : segments) {
                if (node == null || !node.isObject()) {
                    return null;
                }
                node = node.get(segment);
            }
            // TaskRouter compares a null attribute like an absent one: never equal, never unequal.
            return node == null || node.isNull() || node.isMissingNode() ? null : node;
        }
    }

    /**
     * A string, number, boolean or list written in the expression. Held as a JsonNode so that literals and
     * attributes compare by one set of rules; the node is built by the parser and never handed out.
     */
    record Literal(JsonNode value) implements Operand {

        @Override
        public JsonNode resolve(JsonNode attributes) {
            return value;
        }
    }
}
