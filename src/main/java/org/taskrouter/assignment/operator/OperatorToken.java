package org.taskrouter.assignment.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.OperatorConfig;
import org.taskrouter.assignment.error.ErrorBody;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The operator's bearer token, and the one check of an {@code Authorization} header against it, shared by the
 * REST filter and the event stream's route. Without a configured token the API is off (503 saying how to turn it
 * on) rather than open. Tokens are compared as SHA-256 digests, in constant time and whatever their length.
 */
@Singleton
public class OperatorToken {

    private static final Logger LOG = Logger.getLogger(OperatorToken.class);
    private static final String BEARER = "Bearer ";
    /** The token application.yaml gives dev mode when OPERATOR_TOKEN is not set. */
    static final String DEV_DEFAULT = "dev-operator-token";

    private final Optional<byte[]> digest;
    private final boolean devDefault;
    private final TokenGuesses guesses;

    OperatorToken(OperatorConfig config, TokenGuesses guesses) {
        this.guesses = guesses;
        Optional<String> token = config.token().filter(t -> !t.isBlank());
        this.digest = token.map(OperatorToken::digest);
        // only the built-in dev default is printed; a token of one's own is a secret, even in dev mode
        this.devDefault = LaunchMode.current() == LaunchMode.DEVELOPMENT
                && token.filter(DEV_DEFAULT::equals).isPresent();
    }

    void announce(@Observes StartupEvent startup, OperatorConfig config) {
        if (digest.isEmpty()) {
            LOG.info("OPERATOR_TOKEN is not set: the operator API under /api is off");
        } else if (devDefault) {
            // Dev mode only: the newcomer needs the token for the README's curl examples.
            LOG.infof("Operator API token (dev mode): %s", config.token().get());
        }
    }

    /**
     * Why a request from {@code address} with this {@code Authorization} header (null when absent) is refused;
     * empty when it is not. An address that sent too many wrong tokens is refused whatever it sends now.
     */
    public Optional<Refusal> refusal(String authorization, String address) {
        if (digest.isEmpty()) {
            return Optional.of(new Refusal(
                    new ErrorBody(503, "The operator API is off: set OPERATOR_TOKEN to enable it"), 0));
        }
        long retryAfter = guesses.retryAfterSeconds(address);
        if (retryAfter > 0) {
            return Optional.of(new Refusal(new ErrorBody(429, "Too many wrong bearer tokens from this address: try "
                    + "again in " + retryAfter + " s"), retryAfter));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            guesses.refused(address);
            return Optional.of(new Refusal(
                    new ErrorBody(401, "Missing bearer token: send Authorization: Bearer <OPERATOR_TOKEN>"), 0));
        }
        byte[] presented = digest(authorization.substring(BEARER.length()).trim());
        if (!MessageDigest.isEqual(presented, digest.get())) {
            guesses.refused(address);
            return Optional.of(new Refusal(new ErrorBody(401, "Wrong bearer token"), 0));
        }
        return Optional.empty();
    }

    /** A refusal's answer, and for a 429 the seconds to send in {@code Retry-After}. */
    public record Refusal(ErrorBody body, long retryAfterSeconds) {
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this runtime", e);
        }
    }
}
