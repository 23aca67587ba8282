package org.taskrouter.assignment.callback;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The signature check explicitly off, against the package. */
@QuarkusIntegrationTest
class SignatureCheckOffIT extends SignatureCheckOffTest {
}
