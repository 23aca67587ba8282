package org.taskrouter.assignment.callback;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The callback tests again, against the packaged application. */
@QuarkusIntegrationTest
class AssignmentCallbackIT extends AssignmentCallbackResourceTest {
}
