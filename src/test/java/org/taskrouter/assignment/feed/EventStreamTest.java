package org.taskrouter.assignment.feed;

import io.quarkus.test.junit.QuarkusTest;

/** The event stream with the feed in this replica's memory (no {@code REDIS_URL}). */
@QuarkusTest
class EventStreamTest extends EventStreamBehaviour {
}
