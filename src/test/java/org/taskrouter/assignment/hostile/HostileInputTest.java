package org.taskrouter.assignment.hostile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskrouter.assignment.hostile.HostileCase.Expect.clientError;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_TYPE;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskrouter.assignment.hostile.HostileCase.Expect;
import org.taskrouter.assignment.support.HttpAnswer;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile input at every endpoint: garbage form bodies, broken percent-escapes, signed but nonsensical callback
 * parameters, unreadable JSON, absurd numbers, garbage SIDs in paths, garbage query parameters, wrong tokens,
 * unknown routes and methods. Whatever arrives, the answer is never a 5xx (503 only where TaskRouter may be
 * unavailable), every error is JSON of the one shape {@code {"status":…,"error":"…"}}, and no body shows a
 * stack trace, an exception or a Java class name.
 *
 * <p>Random inputs come from {@code new Random(42)}, so every run sends the same requests; each family has
 * {@value HostileInputs#RANDOM_CASES} random cases per endpoint family plus hand-picked ones. The few requests REST
 * Assured cannot express (invalid percent-escapes in the request line, no Content-Type at all, an unknown charset)
 * go through a plain socket. Each family of requests has its generators in a class of its own ({@link
 * CallbackBodies}, {@link SignedCallbackParameters}, {@link TaskCreations}, {@link SidsInPaths}, {@link
 * QueryParameters}, {@link OperatorTokens}, {@link UnknownRoutes}, {@link Edges}); every case goes through the same
 * check, {@link HostileCase#verify}.
 *
 * <p>In the test profile the REST client points at the embedded TaskRouter, whose Workspace is not the one
 * configured ({@code WS000…}): well-formed operator calls end as TaskRouter's 404, which is fine.
 *
 * <p>{@link Edges} holds the inputs that once broke the rule, and those the HTTP codec refuses before any code of
 * the service runs. {@link #theChecksRefuseEveryAnswerTheRuleForbids} shows that the checks fail on what the rule
 * forbids.
 */
@QuarkusTest
class HostileInputTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.CallbackBodies#garbageCallbackBodies")
    void neverAnswers500ToGarbageCallbackBodies(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.CallbackBodies#nastyCallbackBodies")
    void answersNastyCallbackBodiesAndSignaturesWithAJsonError(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.CallbackBodies#callbackCharsets")
    void answersCallbacksInAnUnknownCharsetWithoutA500(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.SignedCallbackParameters#signedHostileParameters")
    void answersSignedGarbageParametersWith400AndSoundOnesWithAnAnswer(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.SignedCallbackParameters#signedNastyParameters")
    void answersSignedNastyParametersWithAJsonError(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.TaskCreations#hostileTaskCreations")
    void neverAnswers500ToHostileTaskCreations(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.SidsInPaths#hostilePathSids")
    void answersGarbageSidsInPathsWithAJsonError(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.QueryParameters#hostileQueries")
    void answersGarbageQueryParametersWithAJsonError(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.OperatorTokens#wrongTokens")
    void refusesWrongTokensWith401InJson(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.UnknownRoutes#unknownRoutes")
    void answersUnknownRoutesAndMethodsWith404Or405InJson(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.Edges#jsonOfTheWrongShape")
    void answersJsonOfTheWrongShapeInTheErrorShape(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.Edges#oversizedBodies")
    void answersOversizedBodiesWith413(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.Edges#malformedEscapesInTheUrl")
    void answersMalformedEscapesInTheUrlWith400InJson(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.Edges#callbacksWithoutContentType")
    void refusesBodiesWithoutAContentTypeWith415(HostileCase hostile) {
        hostile.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.taskrouter.assignment.hostile.Edges#oversizedRequestLinesAndHeaders")
    void answersOversizedRequestLinesAndHeadersWithA4xx(HostileCase hostile) {
        hostile.check();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The checks themselves: each answer the rule forbids must fail them
    // ---------------------------------------------------------------------------------------------------------

    static Stream<Arguments> forbiddenAnswers() {
        String json = "application/json";
        return Stream.of(
                Arguments.of("a 500 in the right shape",
                        new HttpAnswer(500, json, "{\"status\":500,\"error\":\"Internal error\"}")),
                Arguments.of("a 502", new HttpAnswer(502, json, "{\"status\":502,\"error\":\"TaskRouter failed\"}")),
                Arguments.of("a stack trace",
                        new HttpAnswer(400, json, "{\"status\":400,\"error\":\"x\\n\\tat org.acme.A.b(A.java:1)\"}")),
                Arguments.of("an exception name",
                        new HttpAnswer(400, json, "{\"status\":400,\"error\":\"IllegalStateException\"}")),
                Arguments.of("a class name",
                        new HttpAnswer(400, json, "{\"status\":400,\"error\":\"bad com.fasterxml.jackson.X\"}")),
                Arguments.of("an error without a body", new HttpAnswer(400, null, "")),
                Arguments.of("an error in text", new HttpAnswer(400, "text/plain", "Bad Request")),
                Arguments.of("an error not JSON", new HttpAnswer(400, json, "<html>")),
                Arguments.of("an error of another shape", new HttpAnswer(400, json, "{\"objectName\":\"Class\"}")),
                Arguments.of("a status that is not the HTTP status",
                        new HttpAnswer(400, json, "{\"status\":404,\"error\":\"x\"}")),
                Arguments.of("an error without words", new HttpAnswer(400, json, "{\"status\":400,\"error\":\" \"}")),
                Arguments.of("an unexpected field",
                        new HttpAnswer(400, json, "{\"status\":400,\"error\":\"x\",\"trace\":\"y\"}")),
                Arguments.of("an unexpected status", new HttpAnswer(200, json, "{}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenAnswers")
    void theChecksRefuseEveryAnswerTheRuleForbids(String what, HttpAnswer answer) {
        HostileCase hostile = new HostileCase(new HostileRequest("POST", "/api/tasks").operator()
                .text(JSON_TYPE, "[]"), Expect.of("4xx or 503", s -> clientError(s) || s == 503), false);
        assertThrows(AssertionError.class, () -> hostile.verify(answer), what);
    }
}
