package org.taskrouter.assignment.callback;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Signed event callbacks and the event feed, against the package. */
@QuarkusIntegrationTest
class EventCallbackIT extends EventCallbackResourceTest {
}
