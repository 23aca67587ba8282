package org.taskrouter.assignment.operator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The operator API on, no Twilio variables set, against the package. */
@QuarkusIntegrationTest
class TaskRouterNotConfiguredIT extends TaskRouterNotConfiguredTest {
}
