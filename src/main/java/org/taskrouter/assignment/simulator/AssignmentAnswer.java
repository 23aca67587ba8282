package org.taskrouter.assignment.simulator;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the service answered an assignment callback with, as TaskRouter reads it.
 *
 * @param kind accept, reject or no action yet
 * @param activitySid for a reject, the Activity the Worker moves to; null keeps TaskRouter's default
 */
record AssignmentAnswer(Kind kind, String activitySid) {

    /** The three outcomes TaskRouter distinguishes. */
    enum Kind {
        /**
         * {@code accept}, and {@code dequeue}, {@code call}, {@code redirect}, {@code conference}, which accept too.
         */
        ACCEPT,
        /** {@code reject}. */
        REJECT,
        /** {@code {}} or no usable instruction: the Reservation stays pending. */
        DEFER
    }

    /** No instruction: the Reservation waits for the REST API or its timeout. */
    static final AssignmentAnswer DEFER = new AssignmentAnswer(Kind.DEFER, null);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer in a 200 response body, or null when the body is not a JSON object (TaskRouter's fallback case). */
    static AssignmentAnswer parse(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        Kind kind = kindOf(node.path("instruction").asText(""));
        return switch (kind) {
            case ACCEPT -> new AssignmentAnswer(Kind.ACCEPT, null);
            case REJECT -> new AssignmentAnswer(Kind.REJECT,
                    node.hasNonNull("activity_sid") ? node.get("activity_sid").asText() : null);
            case DEFER -> DEFER;
        };
    }

    /**
     * What an instruction does. The same words are read from a callback's JSON answer and from the REST API's
     * {@code Instruction} field, so both go through here; case does not matter, an unknown word defers.
     */
    static Kind kindOf(String instruction) {
        return switch (instruction.toLowerCase(Locale.ROOT)) {
            case "accept", "dequeue", "call", "redirect", "conference" -> Kind.ACCEPT;
            case "reject" -> Kind.REJECT;
            default -> Kind.DEFER;
        };
    }
}
