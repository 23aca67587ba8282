package org.taskrouter.assignment.simulator;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The simulator switched off at run time. */
public class DisabledSimulatorProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("simulator.enabled", "false");
    }
}
