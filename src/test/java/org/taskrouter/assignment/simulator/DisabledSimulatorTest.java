package org.taskrouter.assignment.simulator;

import static org.hamcrest.Matchers.equalTo;
import static org.taskrouter.assignment.simulator.TaskRouterApi.api;
import static org.taskrouter.assignment.simulator.TaskRouterApi.path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code simulator.enabled=false} hides the simulator's routes. */
@QuarkusTest
@TestProfile(DisabledSimulatorProfile.class)
class DisabledSimulatorTest {

    @Test
    void switchedOffSimulatorAnswers404WithTwilioErrorJson() {
        api().get(path("Workers")).then().statusCode(404)
                .body("code", equalTo(20404))
                .body("status", equalTo(404));
    }
}
