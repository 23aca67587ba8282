package org.taskrouter.assignment.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PascalCase parameters of one request (form fields or query parameters), read the way TaskRouter reads them:
 * a bad value is a 400 naming the field, never an exception further in.
 */
final class Params {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> values;

    Params(Map<String, List<String>> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** The first value of {@code name}, or null when absent. */
    String string(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Whether {@code name} was sent at all, even empty. */
    boolean has(String name) {
        return string(name) != null;
    }

    /** Every value of {@code name}, repeated or comma-separated, trimmed, empty ones dropped. */
    List<String> all(String name) {
        List<String> result = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    /** {@code name} as an int in [min, max], or {@code fallback} when absent. */
    int integer(String name, int min, int max, int fallback) {
        String text = string(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw TwilioApiException.badRequest("Invalid " + name + ": " + text + " is not between " + min
                        + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw TwilioApiException.badRequest("Invalid " + name + ": " + text + " is not an integer");
        }
    }

    /** {@code name} as a boolean ({@code true/false/1/0/yes/no}), or null when absent. */
    Boolean bool(String name) {
        String text = string(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw TwilioApiException.badRequest("Invalid " + name + ": " + text + " is not true or false");
        };
    }

    /** {@code name} parsed as a JSON object, or null when absent. */
    JsonNode jsonObject(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        return parseObject(name, text);
    }

    /** {@code text} parsed as a JSON object; anything else is a 400 naming {@code name}. */
    static JsonNode parseObject(String name, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw TwilioApiException.badRequest("Invalid " + name + ": it must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw TwilioApiException.badRequest("Invalid " + name + ": not valid JSON (" + e.getOriginalMessage()
                    + ")");
        }
    }

    /** The underlying values, for building page URLs. */
    Map<String, List<String>> asMap() {
        return values;
    }
}
