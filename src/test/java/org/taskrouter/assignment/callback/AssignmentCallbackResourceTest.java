package org.taskrouter.assignment.callback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AssignmentCallbackResourceTest {

    static final String CALLBACK_URL = SignedForm.TEST_PUBLIC_BASE + "/assignment_callback";
    static final RestAssuredConfig FORM_AS_IS = SignedForm.FORM_AS_IS;

    static ValidatableResponse post(String body, String signature) {
        var request = given().config(FORM_AS_IS).contentType("application/x-www-form-urlencoded").body(body);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.when().post("/assignment_callback").then();
    }

    static ValidatableResponse postSigned(Map<String, String> params) {
        SignedForm form = SignedForm.of(CALLBACK_URL, params);
        return post(form.body(), form.signature());
    }

    @Test
    void defersASignedCallbackWithAnEmptyJsonObject() {
        postSigned(SignedForm.assignmentParams("{\"selected_language\":\"en\"}"))
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("$", anEmptyMap());
    }

    @Test
    void answersASignedCallbackSentChunkedAsOneWithItsLength() throws Exception {
        // a proxy may pass the body on in chunks; the service reads such a body itself, counting, and hands it on
        SignedForm form = SignedForm.of(CALLBACK_URL, SignedForm.assignmentParams("{\"selected_language\":\"en\"}"));
        byte[] body = form.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/assignment_callback")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", form.signature())
                // a stream of unknown length: the client sends it with Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("{}", answer.body());
        // and one changed parameter is still refused, so the body that was checked is the one that was sent
        byte[] tampered = form.body().replace("en", "es").getBytes(StandardCharsets.UTF_8);
        HttpRequest forged = HttpRequest.newBuilder(chunked.uri()).header("Content-Type",
                "application/x-www-form-urlencoded").header("X-Twilio-Signature", form.signature())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tampered))).build();
        assertEquals(403, HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void neverAnswersJsonWithoutAnInstructionOtherThanEmpty() {
        postSigned(SignedForm.assignmentParams("{}"))
                .statusCode(200)
                .body("message", is((Object) null))
                .body("$", anEmptyMap());
    }

    @Test
    void acceptsParametersNobodyListedAndCountsThemInTheSignature() {
        Map<String, String> params = SignedForm.assignmentParams("{}");
        params.put("TaskChannelUniqueName", "voice");
        params.put("SomethingTwilioAddsLater", "value");
        postSigned(params).statusCode(200);

        SignedForm signedWithout = SignedForm.of(CALLBACK_URL, SignedForm.assignmentParams("{}"));
        post(signedWithout.body() + "&SomethingTwilioAddsLater=value", signedWithout.signature()).statusCode(403);
    }

    @Test
    void answersTheSameCallbackRetriedWithTheSameAnswer() {
        Map<String, String> params = SignedForm.assignmentParams("{\"selected_language\":\"es\"}");
        String first = postSigned(params).statusCode(200).extract().asString();
        String second = postSigned(params).statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
    }

    @Test
    void refusesACallbackWithoutSignature() {
        SignedForm form = SignedForm.of(CALLBACK_URL, SignedForm.assignmentParams("{}"));
        post(form.body(), null)
                .statusCode(403)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(403))
                .body("error", containsString("X-Twilio-Signature"));
    }

    @Test
    void refusesACallbackWithAWrongSignature() {
        SignedForm form = SignedForm.of(CALLBACK_URL, SignedForm.assignmentParams("{}"));
        post(form.body(), "AAAAAAAAAAAAAAAAAAAAAAAAAAA=").statusCode(403).body("status", equalTo(403));
    }

    @Test
    void refusesACallbackSignedForAnotherUrl() {
        SignedForm form = SignedForm.of("https://attacker.example/assignment_callback",
                SignedForm.assignmentParams("{}"));
        post(form.body(), form.signature()).statusCode(403);
    }

    @Test
    void refusesATamperedParameter() {
        SignedForm form = SignedForm.of(CALLBACK_URL, SignedForm.assignmentParams("{\"vip\":false}"));
        post(form.body().replace("false", "true"), form.signature()).statusCode(403);
    }

    @Test
    void acceptsASignatureMadeOverTheUrlWithItsDefaultPort() {
        SignedForm form = SignedForm.of("https://callbacks.example.test:443/assignment_callback",
                SignedForm.assignmentParams("{}"));
        post(form.body(), form.signature()).statusCode(200);
    }

    @Test
    void answersMissingTaskSidWith400NamingIt() {
        Map<String, String> params = SignedForm.assignmentParams("{}");
        params.remove("TaskSid");
        postSigned(params).statusCode(400).body("error", containsString("TaskSid"));
    }

    @Test
    void answersABadReservationSidWith400() {
        Map<String, String> params = SignedForm.assignmentParams("{}");
        params.put("ReservationSid", "WT00000000000000000000000000000001");
        postSigned(params).statusCode(400).body("error", containsString("ReservationSid"));
    }

    @Test
    void answersInvalidTaskAttributesJsonWith400() {
        postSigned(SignedForm.assignmentParams("{\"selected_language\":"))
                .statusCode(400)
                .body("error", equalTo("TaskAttributes is not valid JSON"));
    }

    @Test
    void answersAMalformedFormBodyWith400() {
        String body = "TaskSid=%ZZ&WorkerSid=%";
        post(body, "irrelevant").statusCode(400).body("error", containsString("Malformed form body"));
    }

    @Test
    void answersAnOversizedBodyWith413AndNoStackTrace() {
        String huge = "TaskAttributes=" + "a".repeat(70 * 1024);
        post(huge, "x").statusCode(413).body(not(containsString("Exception")));
    }

    @Test
    void answersJsonContentTypeWith415() {
        given().contentType("application/json").body("{}").when().post("/assignment_callback")
                .then().statusCode(415).body("status", equalTo(415));
    }
}
