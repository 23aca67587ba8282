package org.taskrouter.assignment.taskrouter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.taskrouter.assignment.config.TwilioConfig;

/**
 * HTTP Basic credentials of every TaskRouter call: an API key SID and secret when both are set, else the
 * Account SID and auth token. The header is built once.
 */
@ApplicationScoped
public class TaskRouterCredentials implements ClientHeadersFactory {

    private final Optional<String> authorization;

    public TaskRouterCredentials(TwilioConfig twilio) {
        Optional<String> user;
        Optional<String> password;
        if (twilio.apiKeySid().isPresent() && twilio.apiKeySecret().isPresent()) {
            user = twilio.apiKeySid();
            password = twilio.apiKeySecret();
        } else {
            user = twilio.accountSid();
            password = twilio.authToken();
        }
        this.authorization = user.flatMap(u -> password.map(p -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        authorization.ifPresent(value -> headers.putSingle("Authorization", value));
        return headers;
    }
}
