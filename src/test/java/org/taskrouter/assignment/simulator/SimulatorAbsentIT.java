package org.taskrouter.assignment.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged (prod) application has no embedded TaskRouter: its routes do not exist at all. */
@QuarkusIntegrationTest
class SimulatorAbsentIT {

    @Test
    void servesNoTaskRouterRoutes() {
        given().auth().preemptive().basic("AC00000000000000000000000000000000", "test-auth-token")
                .when().get("/v1/Workspaces/WSae9fd0dc2286d93b801e3f95d21ab265/Tasks")
                .then().statusCode(404)
                .body("status", equalTo(404))
                .body(not(containsString("20404")));
    }

    @Test
    void documentsNoTaskRouterRoutes() {
        given().when().get("/q/openapi").then().statusCode(200).body(not(containsString("/v1/Workspaces")));
    }
}
