package org.taskrouter.assignment.feed;

import org.taskrouter.assignment.support.RedisServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every behaviour of the event stream again, with the feed on Redis: ids are the stream's entry ids. */
@QuarkusTest
@WithTestResource(RedisServer.class)
class EventStreamOnRedisTest extends EventStreamBehaviour {
}
