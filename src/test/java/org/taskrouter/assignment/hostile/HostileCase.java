package org.taskrouter.assignment.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.taskrouter.assignment.hostile.HostileInputs.CALLBACK;
import static org.taskrouter.assignment.hostile.HostileInputs.EVENTS;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_TYPE;

import java.util.Arrays;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.taskrouter.assignment.support.ErrorShape;
import org.taskrouter.assignment.support.HttpAnswer;
import org.taskrouter.assignment.support.PrintableText;

/**
 * A hostile request and what it must be answered with: the one check every answer goes through. Whatever arrives,
 * the answer is never a 5xx (503 only where TaskRouter may be unavailable), every error has the one error shape
 * ({@link ErrorShape}), and no body shows a stack trace, an exception or a Java class name.
 */
record HostileCase(HostileRequest request, Expect expect, boolean wrongShapeJson) {

    /** What must never reach a caller: stack frames, exception names, Java class names. */
    private static final Pattern LEAK = Pattern.compile(String.join("|",
            "Exception", "Throwable", "Caused by", "\\tat ", "\\bat (?:org|java|javax|jakarta|io|com|sun|jdk)\\.",
            "\\.java:\\d+", "\\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)*Error\\b",
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*",
            "\\b(?:java|javax|jakarta|sun|jdk)\\.[a-z]+\\.",
            "\\b(?:org|com|io)\\.(?:taskrouter|jboss|fasterxml|quarkus|vertx|netty|smallrye|hibernate|eclipse|apache"
                    + "|twilio|resteasy|mutiny)\\b",
            "\\$\\$"));

    void check() {
        verify(request.send());
    }

    /** Fails unless {@code answer} is one this request may get. */
    void verify(HttpAnswer answer) {
        String context = "\nrequest:  " + request + "\nresponse: " + answer.status() + " [" + answer.contentType()
                + "] " + PrintableText.of(answer.body(), 1_000);
        int status = answer.status();
        assertTrue(status < 500 || (status == 503 && expect.ok().test(503)),
                "a server error for hostile input" + context);
        assertTrue(expect.ok().test(status), "expected " + expect.description() + context);
        boolean error = status >= 400;
        if (error || request.path.startsWith(CALLBACK)) {
            Matcher leak = LEAK.matcher(answer.body());
            String inputs = request.inputs();
            while (leak.find()) {
                if (!inputs.contains(leak.group())) {
                    fail("the body shows '" + leak.group() + "'" + context);
                }
            }
        }
        if (error) {
            if (!(expect.emptyBodyAllowed() && answer.body().isEmpty())) {
                ErrorShape.assertErrorShape(answer, context);
            }
        } else if (!answer.body().isEmpty()) {
            assertTrue(answer.contentType() != null && answer.contentType().startsWith(JSON_TYPE),
                    "a successful answer with a body that is not JSON" + context);
            ErrorShape.readJson(answer.body(), context);
        } else if (request.path.equals(EVENTS)) {
            assertEquals(204, status, "an event is acknowledged with 204" + context);
        }
    }

    /** The statuses a case accepts, with words for the failure message. */
    record Expect(String description, IntPredicate ok, boolean emptyBodyAllowed) {

        static Expect of(String description, IntPredicate ok) {
            return new Expect(description, ok, false);
        }

        static Expect oneOf(int... statuses) {
            Set<Integer> allowed = Arrays.stream(statuses).boxed().collect(Collectors.toSet());
            return new Expect(allowed.size() == 1 ? allowed.iterator().next().toString() : "one of " + allowed,
                    allowed::contains, false);
        }

        /** An authorised operator call: its answer, a refusal, TaskRouter's 404/409/422, or 503 if unavailable. */
        static Expect operatorAnswer() {
            return new Expect("2xx, 4xx or 503", s -> (s >= 200 && s < 300) || clientError(s) || s == 503, false);
        }

        /**
         * Refused by Vert.x's HTTP codec before any route runs (a request line or headers over the codec's
         * 64 KiB): the status is right, the body may be empty.
         */
        static Expect byTheHttpLayer(Expect expect) {
            return new Expect(expect.description() + " (HTTP layer: the body may be empty)", expect.ok(), true);
        }

        static boolean clientError(int status) {
            return status >= 400 && status < 500;
        }
    }
}
