package org.taskrouter.assignment.operator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** An API key instead of the auth token, against the package. */
@QuarkusIntegrationTest
class ApiKeyCredentialsIT extends ApiKeyCredentialsTest {
}
