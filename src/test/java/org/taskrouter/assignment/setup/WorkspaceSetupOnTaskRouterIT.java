package org.taskrouter.assignment.setup;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Provisioning from the packaged workspace YAML through the REST client, against the package. */
@QuarkusIntegrationTest
class WorkspaceSetupOnTaskRouterIT extends WorkspaceSetupOnTaskRouterTest {
}
