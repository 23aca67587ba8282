package org.taskrouter.assignment.simulator.expression;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Value equality between JSON nodes as TaskRouter compares them. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * Whether two values are equal: numbers by value whatever their representation (1 equals 1.0), strings
     * and booleans exactly, arrays element by element, objects field by field. Values of different JSON types
     * are never equal ("1" is not 1), and JSON null equals nothing.
     */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return sameNumber(a, b);
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                JsonNode other = b.get(field.getKey());
                if (other == null || !same(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether {@code array} has an element equal to {@code value}. */
    static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (same(element, value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code array} has an element equal to any element of {@code values}. */
    static boolean containsAny(JsonNode array, JsonNode values) {
        for (JsonNode value : values) {
            if (contains(array, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameNumber(JsonNode a, JsonNode b) {
        // decimalValue() throws for NaN and infinities, which a hand-built DoubleNode can hold.
        if (!isFinite(a) || !isFinite(b)) {
            return a.doubleValue() == b.doubleValue();
        }
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    private static boolean isFinite(JsonNode number) {
        return !(number.isDouble() || number.isFloat()) || Double.isFinite(number.doubleValue());
    }
}
