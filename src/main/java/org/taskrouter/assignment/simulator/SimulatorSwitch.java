package org.taskrouter.assignment.simulator;

import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;

import org.taskrouter.assignment.config.TwilioConfig;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Whether the simulator serves: only while {@code simulator.enabled} and the service's own TaskRouter base URL
 * points at this machine. Setting {@code TWILIO_API_BASE_URL} to Twilio in dev mode switches it off by itself,
 * so nobody ends up half on the simulator and half on real TaskRouter.
 */
@Singleton
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatorSwitch {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean on;
    private final String reason;

    public SimulatorSwitch(SimulatorConfig config, TwilioConfig twilio) {
        String host = twilio.apiBaseUrl().getHost();
        boolean local = host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        this.on = config.enabled() && local;
        this.reason = !config.enabled() ? "simulator.enabled=false"
                : "TWILIO_API_BASE_URL is " + twilio.apiBaseUrl() + ", not this service";
    }

    /** Whether the simulator's routes answer and it seeds its Workspace. */
    public boolean on() {
        return on;
    }

    /** Why it is off, for the start-up log. */
    public String reasonOff() {
        return reason;
    }
}
