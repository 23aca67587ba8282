package org.taskrouter.assignment.lifecycle;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.taskrouter.assignment.lifecycle.QuickstartLifecycleTest.operator;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.RedisServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code POST /api/setup} with replicas sharing Redis: one run at a time across all of them. */
@QuarkusTest
@TestProfile(EmbeddedTaskRouterProfile.class)
@WithTestResource(RedisServer.class)
class SetupAcrossReplicasTest {

    static final String LOCK = "taskrouter-assignment:setup-lock";

    @Test
    void refusesWhileAnotherReplicaHoldsTheLockAndRunsOnceItIsGiven() {
        // what another replica's running setup looks like in Redis
        assertEquals(List.of("OK"), RedisServer.cli("SET", LOCK, "another-replica", "NX", "PX", "60000"));
        operator().when().post("/api/setup").then().statusCode(409)
                .body("error", equalTo("A setup is already running; try again when it has finished"));
        assertEquals(List.of("another-replica"), RedisServer.cli("GET", LOCK), "another's lock is left alone");

        RedisServer.cli("DEL", LOCK);
        operator().when().post("/api/setup").then().statusCode(200)
                .body("workspaceSid", equalTo(EmbeddedTaskRouterProfile.SEEDED.workspaceSid()));
        assertEquals(List.of("0"), RedisServer.cli("EXISTS", LOCK), "the lock is given back after the run");
    }

    @Test
    void refusesWithA503NamingRedisWhenItDoesNotAnswer() {
        RedisServer.stopForAWhile();
        try {
            operator().when().post("/api/setup").then().statusCode(503)
                    .body("status", equalTo(503))
                    .body("error", containsString("Redis at redis://127.0.0.1:" + RedisServer.port()));
        } finally {
            RedisServer.startAgain();
        }
        operator().when().post("/api/setup").then().statusCode(200);
    }
}
