package org.taskrouter.assignment.operator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@code GET /api/queues} against a WireMock TaskRouter, from the packaged jar or native executable. */
@QuarkusIntegrationTest
class QueueApiIT extends QueueApiTest {
}
