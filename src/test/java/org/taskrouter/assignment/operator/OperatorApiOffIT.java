package org.taskrouter.assignment.operator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** A fresh clone's package: no token and no Twilio account, answered in words. */
@QuarkusIntegrationTest
class OperatorApiOffIT extends OperatorApiOffTest {
}
