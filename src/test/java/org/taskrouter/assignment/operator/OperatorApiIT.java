package org.taskrouter.assignment.operator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The operator API against a WireMock TaskRouter, again against the packaged jar or native executable. */
@QuarkusIntegrationTest
class OperatorApiIT extends OperatorApiTest {
}
