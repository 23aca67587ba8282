package org.taskrouter.assignment.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.taskrouter.assignment.signature.TwilioSignature;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** A form body as TaskRouter posts it, and the X-Twilio-Signature it would carry for a given URL. */
public record SignedForm(String body, String signature) {

    /** The auth token of the %test profile. */
    public static final String TEST_AUTH_TOKEN = "test-auth-token";
    /** The public base URL of the %test profile. */
    public static final String TEST_PUBLIC_BASE = "https://callbacks.example.test";

    /** Sends a body byte for byte: no charset appended to its content type, which the signature does not cover. */
    public static final RestAssuredConfig FORM_AS_IS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** {@code params} signed with the test token for {@code url}. */
    public static SignedForm of(String url, Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        return new SignedForm(body, new TwilioSignature(TEST_AUTH_TOKEN).sign(url, multi));
    }

    /** A realistic assignment callback for a Task with {@code taskAttributes}. */
    public static Map<String, String> assignmentParams(String taskAttributes) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("WorkspaceSid", "WS00000000000000000000000000000000");
        params.put("WorkflowSid", "WW00000000000000000000000000000000");
        params.put("TaskQueueSid", "WQ00000000000000000000000000000001");
        params.put("WorkerSid", "WK0000000000000000000000000000a11c");
        params.put("WorkerAttributes", "{\"languages\":[\"en\",\"es\"]}");
        params.put("TaskSid", "WT00000000000000000000000000000001");
        params.put("TaskAttributes", taskAttributes);
        params.put("TaskAge", "3");
        params.put("TaskPriority", "0");
        params.put("ReservationSid", "WR00000000000000000000000000000001");
        params.put("Timestamp", "1732492800");
        return params;
    }

    /** A realistic event callback of {@code type} about a Reservation. */
    public static Map<String, String> eventParams(String sid, String type) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Sid", sid);
        params.put("EventType", type);
        params.put("ResourceType", "reservation");
        params.put("ResourceSid", "WR00000000000000000000000000000009");
        params.put("TaskSid", "WT00000000000000000000000000000009");
        params.put("WorkerSid", "WK0000000000000000000000000000a11c");
        params.put("EventDescription", "Reservation WR… accepted");
        params.put("Timestamp", "1732492800");
        params.put("AccountSid", "AC00000000000000000000000000000000");
        return params;
    }

    /** Posts this form, signed, to {@code path} of the application under test, or to a full URL of another one. */
    public ValidatableResponse postTo(String path) {
        return signedRequest().when().post(path).then();
    }

    /** Posts this form, signed, with one more header, as Twilio sends {@code I-Twilio-Idempotency-Token}. */
    public ValidatableResponse postTo(String path, String header, String value) {
        return signedRequest().header(header, value).when().post(path).then();
    }

    private RequestSpecification signedRequest() {
        return RestAssured.given().config(FORM_AS_IS).contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).body(body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
