package org.taskrouter.assignment.callback;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Assignment rules read from configuration, against the package. */
@QuarkusIntegrationTest
class ConfiguredAssignmentPolicyIT extends ConfiguredAssignmentPolicyTest {
}
