package org.taskrouter.assignment.error;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The HTTP layer's refusals in JSON from the packaged jar or native executable, started as a user starts it. */
@QuarkusIntegrationTest
class HttpLayerRefusalsIT extends HttpLayerRefusalsTest {
}
