package org.taskrouter.assignment.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.taskrouter.assignment.config.TwilioConfig;
import org.taskrouter.assignment.signature.TwilioSignature;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The account the simulator plays: the configured Account SID (else a fixed simulated one) and auth token, which
 * both check HTTP Basic on every REST call and sign every callback, as with real TaskRouter.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatorCredentials {

    /**
     * The auth token of dev mode when {@code TWILIO_AUTH_TOKEN} is not set ({@code application.yaml}, {@code %dev}):
     * a fixed public default, so the start-up {@code .env} block may print it for Twilio's SDKs to use.
     */
    public static final String DEV_AUTH_TOKEN = "dev-auth-token";

    /** The Account SID used when {@code TWILIO_ACCOUNT_SID} is not set. */
    public static final String SIMULATED_ACCOUNT_SID = SidGenerator.seeded("AC", "TaskRouter Simulator");

    private final String accountSid;
    private final Optional<String> authToken;
    private final Optional<String> apiKeySid;
    private final Optional<String> apiKeySecret;
    private final TwilioSignature signature;

    @Inject
    SimulatorCredentials(TwilioConfig twilio) {
        this.accountSid = twilio.accountSid().filter(s -> !s.isBlank()).orElse(SIMULATED_ACCOUNT_SID);
        this.authToken = twilio.authToken().filter(s -> !s.isBlank());
        this.apiKeySid = twilio.apiKeySid().filter(s -> !s.isBlank());
        this.apiKeySecret = twilio.apiKeySecret().filter(s -> !s.isBlank());
        this.signature = authToken.map(TwilioSignature::new).orElse(null);
    }

    /** The Account SID every resource belongs to. */
    public String accountSid() {
        return accountSid;
    }

    /** Whether an auth token is configured; without one, REST calls are refused and callbacks go unsigned. */
    public boolean hasAuthToken() {
        return authToken.isPresent();
    }

    /** Whether the auth token is dev mode's public default rather than one somebody chose. */
    public boolean usesDevAuthToken() {
        return authToken.filter(DEV_AUTH_TOKEN::equals).isPresent();
    }

    /** The signature of a callback POST of {@code params} to {@code url}, or null without an auth token. */
    String sign(String url, Map<String, List<String>> params) {
        return signature == null ? null : signature.sign(url, params);
    }

    /** Whether an {@code Authorization} header carries Account SID + auth token, or API key SID + secret. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        boolean byToken = authToken.isPresent() && equal(user, accountSid) & equal(password, authToken.get());
        boolean byKey = apiKeySid.isPresent() && apiKeySecret.isPresent()
                && equal(user, apiKeySid.get()) & equal(password, apiKeySecret.get());
        return byToken || byKey;
    }

    private static boolean equal(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
