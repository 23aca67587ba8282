package org.taskrouter.assignment.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.ErrorShape;
import org.taskrouter.assignment.support.HttpAnswer;
import org.taskrouter.assignment.support.RawHttpClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What the HTTP layer refuses before any resource runs gets the one JSON error shape too: a URL that does not
 * decode, a request line over 4 KiB, headers over 20 KiB, a chunked body over 64 KiB, no {@code Host}. Each of
 * these was once answered with an empty body. {@link HttpLayerRefusalsIT} runs them against the packaged service,
 * where {@code ServiceMain} rather than the test build switches Quarkus' own URI check off.
 */
@QuarkusTest
class HttpLayerRefusalsTest {

    private static HttpAnswer send(String head, byte[] body, boolean chunked) throws IOException {
        return RawHttpClient.exchange(RestAssured.port, head, body, chunked);
    }

    private static String host() {
        return "Host: localhost:" + RestAssured.port;
    }

    private static void assertRefused(int status, HttpAnswer answer, String what) {
        String context = " for " + what + ": " + answer.status() + " " + answer.body();
        assertEquals(status, answer.status(), "status" + context);
        ErrorShape.assertErrorShape(answer, context);
    }

    @Test
    void answersAUrlThatDoesNotDecodeWithA400InJson() throws IOException {
        for (String target : List.of("/%G1", "/api/tasks/WT%zz", "/api/events?limit=%", "/assignment_callback?%")) {
            assertRefused(400, send(RawHttpClient.head("GET", target, host(), "Connection: close"), null, false),
                    target);
        }
    }

    @Test
    void answersARequestLineOver4KiBWithA414InJson() throws IOException {
        String target = "/api/tasks/WT" + "0".repeat(5_000);
        assertRefused(414, send(RawHttpClient.head("GET", target, host(), "Connection: close"), null, false),
                "a 5,000-character path");
    }

    @Test
    void answersHeadersOver20KiBWithA431InJson() throws IOException {
        String pad = "X-Pad: " + "p".repeat(30 * 1024);
        assertRefused(431, send(RawHttpClient.head("GET", "/api/events", host(), pad, "Connection: close"), null,
                false), "a 30 KiB header");
    }

    @Test
    void answersAChunkedBodyOver64KiBWithA413InJson() throws IOException {
        byte[] body = ("a=" + "b".repeat(70 * 1024)).getBytes(StandardCharsets.US_ASCII);
        assertRefused(413, send(RawHttpClient.head("POST", "/assignment_callback", host(),
                "Content-Type: application/x-www-form-urlencoded", "X-Twilio-Signature: x",
                "Transfer-Encoding: chunked", "Connection: close"), body, true), "a 70 KiB chunked callback");
    }

    @Test
    void answersARequestWithoutHostWithA400InJson() throws IOException {
        assertRefused(400, send(RawHttpClient.head("GET", "/api/events", "Connection: close"), null, false),
                "no Host");
    }
}
