package org.taskrouter.assignment.simulator;

import java.util.Map;

/**
 * A callback {@link TestCallbacks} received.
 *
 * @param endpoint which endpoint: assignment, fallback or events
 * @param params the form parameters, one value each
 * @param signatureValid whether X-Twilio-Signature matched the public URL and the parameters
 */
record ReceivedCallback(String endpoint, Map<String, String> params, boolean signatureValid) {

    String get(String name) {
        return params.get(name);
    }
}
