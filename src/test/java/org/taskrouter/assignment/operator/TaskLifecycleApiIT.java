package org.taskrouter.assignment.operator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Wrap-up, completion with a Worker move and cancellation, against the packaged jar or native executable. */
@QuarkusIntegrationTest
class TaskLifecycleApiIT extends TaskLifecycleApiTest {
}
