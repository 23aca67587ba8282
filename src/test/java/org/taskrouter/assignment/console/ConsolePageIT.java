package org.taskrouter.assignment.console;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The console's files and headers from the packaged jar or native executable (static resources must be in it). */
@QuarkusIntegrationTest
class ConsolePageIT extends ConsolePageTest {
}
