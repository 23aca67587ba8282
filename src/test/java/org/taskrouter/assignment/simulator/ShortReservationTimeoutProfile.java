package org.taskrouter.assignment.simulator;

import java.util.HashMap;
import java.util.Map;

/** {@link SimulatorTestProfile} with a one-second Reservation timeout, so timeouts happen within a test. */
public class ShortReservationTimeoutProfile extends SimulatorTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("simulator.reservation-timeout", "PT1S");
        return overrides;
    }
}
