package org.taskrouter.assignment.callback;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The answer to an assignment callback, in TaskRouter's JSON. {@code {}} defers the decision to the REST API;
 * every other answer names its {@code instruction}, since JSON without one makes TaskRouter log warning 40005.
 */
public sealed interface Instruction {

    /** The JSON TaskRouter reads. */
    @JsonValue
    Map<String, String> json();

    /** What the answer does, in one word: accept, reject, dequeue or defer (for metrics and logs). */
    String name();

    /** The JSON as text; values are SIDs, phone numbers and words, which need no escaping. */
    default String text() {
        StringBuilder text = new StringBuilder("{");
        json().forEach((name, value) -> text.append(text.length() > 1 ? "," : "")
                .append('"').append(name).append("\":\"").append(value).append('"'));
        return text.append('}').toString();
    }

    /** The JSON as the bytes of the answer ({@link InstructionWriter}); the two constant answers are made once. */
    default byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {}}: received; the Reservation waits to be accepted or rejected through the REST API. */
    record Defer() implements Instruction {
        private static final String TEXT = "{}";
        private static final byte[] BYTES = TEXT.getBytes(StandardCharsets.UTF_8);

        @Override
        public String name() {
            return "defer";
        }

        @Override
        public String text() {
            return TEXT;
        }

        @Override
        public byte[] bytes() {
            return BYTES;
        }

        @Override
        public Map<String, String> json() {
            return Map.of();
        }
    }

    /** {@code {"instruction":"accept"}}. */
    record Accept() implements Instruction {
        private static final String TEXT = "{\"instruction\":\"accept\"}";
        private static final byte[] BYTES = TEXT.getBytes(StandardCharsets.UTF_8);

        @Override
        public String name() {
            return "accept";
        }

        @Override
        public String text() {
            return TEXT;
        }

        @Override
        public byte[] bytes() {
            return BYTES;
        }

        @Override
        public Map<String, String> json() {
            return Map.of("instruction", "accept");
        }
    }

    /** {@code {"instruction":"reject"}}, optionally moving the Worker to {@code activitySid}. */
    record Reject(String activitySid) implements Instruction {
        @Override
        public String name() {
            return "reject";
        }

        @Override
        public Map<String, String> json() {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("instruction", "reject");
            if (activitySid != null) {
                json.put("activity_sid", activitySid);
            }
            return json;
        }
    }

    /** {@code {"instruction":"dequeue",…}}: connects the queued call to the Worker. */
    record Dequeue(String from, String postWorkActivitySid) implements Instruction {
        @Override
        public String name() {
            return "dequeue";
        }

        @Override
        public Map<String, String> json() {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("instruction", "dequeue");
            json.put("from", from);
            json.put("post_work_activity_sid", postWorkActivitySid);
            return json;
        }
    }
}
