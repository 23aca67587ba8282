package org.taskrouter.assignment.console;

import java.util.HashMap;
import java.util.Map;

import org.taskrouter.assignment.lifecycle.EmbeddedTaskRouterProfile;

/**
 * The dev-mode setup, as a newcomer meets it: the embedded TaskRouter seeded with the quickstart Workspace, assignment
 * callbacks deferred, so that the agent decides in the console, and the quickstart's 120 s Reservation timeout.
 */
public class ConsoleProfile extends EmbeddedTaskRouterProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("simulator.reservation-timeout", reservationTimeout());
        return overrides;
    }

    String reservationTimeout() {
        return "PT120S";
    }

    /** Reservations that time out while the agent watches. */
    public static class ShortReservationTimeout extends ConsoleProfile {
        @Override
        String reservationTimeout() {
            return "PT5S";
        }
    }
}
