package org.taskrouter.assignment.callback;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each distinct answer's JSON, as text and as bytes, made once: answers come from the configured policy, so there
 * are a handful, and every callback would otherwise build the same dozen bytes again. Bounded, in case answers
 * ever carry per-callback values.
 */
final class InstructionText {

    private static final int MAX_ANSWERS = 64;
    private static final Map<Instruction, Made> MADE = new ConcurrentHashMap<>();

    private record Made(String text, byte[] bytes) {
    }

    private InstructionText() {
    }

    static String text(Instruction answer) {
        return made(answer).text();
    }

    static byte[] bytes(Instruction answer) {
        return made(answer).bytes();
    }

    private static Made made(Instruction answer) {
        Made made = MADE.get(answer);
        if (made == null) {
            made = make(answer);
            if (MADE.size() < MAX_ANSWERS) {
                MADE.putIfAbsent(answer, made);
            }
        }
        return made;
    }

    /** Values are SIDs, phone numbers and words, which need no escaping. */
    private static Made make(Instruction answer) {
        StringBuilder text = new StringBuilder("{");
        answer.json().forEach((name, value) -> text.append(text.length() > 1 ? "," : "")
                .append('"').append(name).append("\":\"").append(value).append('"'));
        String json = text.append('}').toString();
        return new Made(json, json.getBytes(StandardCharsets.UTF_8));
    }
}
