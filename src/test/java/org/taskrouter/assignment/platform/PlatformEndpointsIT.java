package org.taskrouter.assignment.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health, metrics and OpenAPI from the packaged jar or native executable. */
@QuarkusIntegrationTest
class PlatformEndpointsIT extends PlatformEndpointsTest {
}
