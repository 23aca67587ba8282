package org.taskrouter.assignment.callback;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ConfiguredAssignmentPolicyTest.Rules.class)
class ConfiguredAssignmentPolicyTest {

    /** Spanish Tasks accepted, one queue rejected to Offline, everything else dequeued. */
    public static class Rules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "assignment.instruction", "dequeue",
                    "assignment.rules[0].attribute", "customer.language",
                    "assignment.rules[0].equal-to", "es",
                    "assignment.rules[0].instruction", "accept",
                    "assignment.rules[1].task-queue-sid", "WQ00000000000000000000000000000002",
                    "assignment.rules[1].instruction", "reject",
                    "assignment.rules[1].activity-sid", "WA00000000000000000000000000000009");
        }
    }

    @Test
    void acceptsWhenANestedTaskAttributeMatches() {
        AssignmentCallbackResourceTest.postSigned(SignedForm.assignmentParams("{\"customer\":{\"language\":\"es\"}}"))
                .statusCode(200).body("instruction", equalTo("accept"));
    }

    @Test
    void rejectsToTheConfiguredActivityForAQueue() {
        Map<String, String> params = SignedForm.assignmentParams("{}");
        params.put("TaskQueueSid", "WQ00000000000000000000000000000002");
        AssignmentCallbackResourceTest.postSigned(params)
                .statusCode(200)
                .body("instruction", equalTo("reject"))
                .body("activity_sid", equalTo("WA00000000000000000000000000000009"));
    }

    @Test
    void dequeuesWithTheCallerIdAndPostWorkActivityOtherwise() {
        AssignmentCallbackResourceTest.postSigned(SignedForm.assignmentParams("{\"customer\":{\"language\":\"en\"}}"))
                .statusCode(200)
                .body("instruction", equalTo("dequeue"))
                .body("from", equalTo("+15005550006"))
                .body("post_work_activity_sid", equalTo("WA00000000000000000000000000000001"))
                .body("message", is((Object) null));
    }
}
