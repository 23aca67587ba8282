package org.taskrouter.assignment.feed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The event stream from the packaged jar or native executable. */
@QuarkusIntegrationTest
class EventStreamIT extends EventStreamTest {
}
