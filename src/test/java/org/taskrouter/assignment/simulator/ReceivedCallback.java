package org.taskrouter.assignment.simulator;

import java.util.Map;

/**
 * A callback {@link TestCallbacks} received.
 *
 * @param endpoint which endpoint: assignment, fallback or events
 * @param params the form parameters, one value each
 * @param signature the X-Twilio-Signature header
 * @param signatureValid whether the signature matched the public URL and the parameters
 */
record ReceivedCallback(String endpoint, Map<String, String> params, String signature, boolean signatureValid) {

    String get(String name) {
        return params.get(name);
    }
}
