package org.taskrouter.assignment.callback;

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

    /** The JSON as text, for the feed and logs; made once per distinct answer. */
    default String text() {
        return InstructionText.text(this);
    }

    /** The JSON as the bytes of the answer ({@link InstructionWriter}); made once per distinct answer. */
    default byte[] bytes() {
        return InstructionText.bytes(this);
    }

    /** {@code {}}: received; the Reservation waits to be accepted or rejected through the REST API. */
    record Defer() implements Instruction {
        @Override
        public String name() {
            return "defer";
        }

        @Override
        public Map<String, String> json() {
            return Map.of();
        }
    }

    /** {@code {"instruction":"accept"}}. */
    record Accept() implements Instruction {
        @Override
        public String name() {
            return "accept";
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
