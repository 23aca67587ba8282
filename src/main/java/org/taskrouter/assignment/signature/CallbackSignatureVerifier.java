package org.taskrouter.assignment.signature;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.TwilioConfig;
import org.taskrouter.assignment.error.NotConfiguredException;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;

/**
 * Applies the {@code X-Twilio-Signature} check to the callback routes. Configuration is read once; the check
 * itself allocates one MAC per thread, ever.
 */
@Singleton
public class CallbackSignatureVerifier {

    private static final Logger LOG = Logger.getLogger(CallbackSignatureVerifier.class);
    static final String HEADER = "X-Twilio-Signature";

    private final boolean enabled;
    private final TwilioSignature signature;
    private final PublicUrl publicUrl;

    public CallbackSignatureVerifier(TwilioConfig twilio, PublicUrl publicUrl) {
        this.enabled = twilio.validateSignature();
        this.signature = twilio.authToken().filter(token -> !token.isEmpty()).map(TwilioSignature::new).orElse(null);
        this.publicUrl = publicUrl;
    }

    void warnWhenOff(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.warn("TWILIO_VALIDATE_SIGNATURE=false: callbacks are accepted WITHOUT checking that Twilio sent them."
                    + " Use this only for local experiments.");
        } else if (signature == null) {
            LOG.warn("TWILIO_AUTH_TOKEN is not set: every TaskRouter callback will be refused (503) until it is.");
        }
    }

    /** Throws unless {@code params}, posted in {@code request}, carry Twilio's signature. */
    public void verify(HttpServerRequest request, Map<String, List<String>> params) {
        if (!enabled) {
            return;
        }
        if (signature == null) {
            throw new NotConfiguredException(
                    "Cannot check the callback's signature: set TWILIO_AUTH_TOKEN (see .env.example)");
        }
        String header = request.getHeader(HEADER);
        if (header == null || header.isEmpty()) {
            throw new InvalidSignatureException("Missing X-Twilio-Signature header");
        }
        String url = publicUrl.of(request);
        if (!signature.matches(header, url, params)) {
            throw new InvalidSignatureException("X-Twilio-Signature does not match this request signed for " + url
                    + " (is PUBLIC_BASE_URL the URL Twilio calls?)");
        }
    }
}
