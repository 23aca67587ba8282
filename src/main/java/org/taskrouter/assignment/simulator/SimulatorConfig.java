package org.taskrouter.assignment.simulator;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The embedded TaskRouter simulator, present in the dev and test build profiles only. It serves TaskRouter's
 * REST paths under {@code /v1/Workspaces} on the service's own HTTP server and calls the service back like
 * TaskRouter does.
 */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** Whether the simulator answers at all; off, its routes answer 404 as if they did not exist. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long a Reservation of the seeded Workflow stays pending before it times out (TaskRouter's
     * TaskReservationTimeout, 120 s by default). Workflows created or updated through the REST API use their own
     * {@code TaskReservationTimeout}.
     */
    @WithDefault("PT120S")
    Duration reservationTimeout();

    /** How long the simulator waits for the service to answer an assignment or event callback. */
    @WithDefault("PT5S")
    Duration callbackTimeout();

    /**
     * The seeded Workflow's assignment callback URL; absent, the public base URL (or {@code http://localhost:<port>})
     * followed by the definition's path, {@code /assignment_callback}. Whatever its host, the callback is signed
     * over this URL and delivered to the service's local port, as ngrok would.
     */
    Optional<String> assignmentCallbackUrl();

    /** The seeded Workspace's event callback URL; absent, the public base URL followed by {@code /events}. */
    Optional<String> eventCallbackUrl();
}
