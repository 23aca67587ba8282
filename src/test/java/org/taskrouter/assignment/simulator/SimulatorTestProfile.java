package org.taskrouter.assignment.simulator;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Points the simulator's callbacks at {@link TestCallbacks} instead of the service's own endpoints, which another
 * part of the code base owns. The URLs are on the public base URL of the test profile, as ngrok's would be: the
 * simulator signs over them and delivers to the local port.
 */
public class SimulatorTestProfile implements QuarkusTestProfile {

    /** The URL the assignment callback is signed over. */
    static final String ASSIGNMENT_URL = "https://callbacks.example.test/test-callbacks/assignment";
    /** The URL event callbacks are signed over. */
    static final String EVENTS_URL = "https://callbacks.example.test/test-callbacks/events";
    /** A second assignment endpoint, for the fallback URL. */
    static final String FALLBACK_URL = "https://callbacks.example.test/test-callbacks/fallback";
    /** The account of the test profile in application.yaml. */
    static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    static final String AUTH_TOKEN = "test-auth-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "simulator.assignment-callback-url", ASSIGNMENT_URL,
                "simulator.event-callback-url", EVENTS_URL);
    }
}
