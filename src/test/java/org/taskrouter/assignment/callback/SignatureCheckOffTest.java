package org.taskrouter.assignment.callback;

import static org.hamcrest.Matchers.anEmptyMap;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(SignatureCheckOffTest.Off.class)
class SignatureCheckOffTest {

    /** TWILIO_VALIDATE_SIGNATURE=false, for local experiments only. */
    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.validate-signature", "false");
        }
    }

    @Test
    void acceptsAnUnsignedCallbackOnlyWhenTheCheckIsExplicitlyOff() {
        SignedForm form = SignedForm.of(AssignmentCallbackResourceTest.CALLBACK_URL, SignedForm.assignmentParams("{}"));
        AssignmentCallbackResourceTest.post(form.body(), null).statusCode(200).body("$", anEmptyMap());
    }

    @Test
    void stillRefusesMalformedParameters() {
        Map<String, String> params = SignedForm.assignmentParams("{");
        AssignmentCallbackResourceTest.post(SignedForm.of("https://x", params).body(), null).statusCode(400);
    }
}
