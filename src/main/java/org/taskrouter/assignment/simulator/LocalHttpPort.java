package org.taskrouter.assignment.simulator;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;

/**
 * The port the service's own HTTP server listens on, read when a callback is delivered rather than at start-up:
 * with {@code quarkus.http.test-port: 0} the real port exists only once the server listens. Quarkus 3.33 then
 * registers it (in its value registry) and the config answers {@code quarkus.http.test-port} with it; during
 * {@code StartupEvent} the same key still reads 0. The tests deliver every callback this way, so they prove it.
 */
final class LocalHttpPort {

    private LocalHttpPort() {
    }

    /** The port now, e.g. 8080 in dev mode or the random port a test run was given. */
    static int current() {
        boolean test = LaunchMode.current() == LaunchMode.TEST;
        String key = test ? "quarkus.http.test-port" : "quarkus.http.port";
        Config config = ConfigProvider.getConfig();
        int port = config.getOptionalValue(key, Integer.class).orElse(test ? 8081 : 8080);
        if (port <= 0) {
            // Belt and braces for older Quarkus versions, which published the real port as a system property.
            String published = System.getProperty(key);
            if (published != null && published.matches("\\d+")) {
                port = Integer.parseInt(published);
            }
        }
        return port;
    }

    /** {@code http://localhost:<port>}, the base callbacks are delivered to. */
    static String localBase() {
        return "http://localhost:" + current();
    }
}
