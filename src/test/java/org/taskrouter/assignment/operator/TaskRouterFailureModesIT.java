package org.taskrouter.assignment.operator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** TaskRouter's failure modes (lost answers, long waits, unreadable bodies), against the package. */
@QuarkusIntegrationTest
class TaskRouterFailureModesIT extends TaskRouterFailureModesTest {
}
