package org.taskrouter.assignment.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.taskrouter.assignment.config.OperatorConfig;
import org.taskrouter.assignment.error.ErrorBody;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The operator API's bearer token check. Without a configured token the API is off (503 saying how to turn it
 * on) rather than open. Tokens are compared as SHA-256 digests, in constant time and whatever their length.
 */
@Singleton
public class OperatorTokenFilter {

    /**
     * REST filters are created during static initialisation, before runtime configuration exists (and a native
     * image would freeze build-time values), so the token is read on first use instead.
     */
    @Singleton
    static class ExpectedToken {

        final Optional<byte[]> digest;
        final boolean devDefault;

        ExpectedToken(OperatorConfig config) {
            Optional<String> token = config.token().filter(t -> !t.isBlank());
            this.digest = token.map(OperatorTokenFilter::digest);
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
    }

    private static final Logger LOG = Logger.getLogger(OperatorTokenFilter.class);
    private static final String BEARER = "Bearer ";
    /** The token application.yaml gives dev mode when OPERATOR_TOKEN is not set. */
    static final String DEV_DEFAULT = "dev-operator-token";

    private final Instance<ExpectedToken> expected;

    public OperatorTokenFilter(Instance<ExpectedToken> expected) {
        this.expected = expected;
    }

    @ServerRequestFilter
    @OperatorOnly
    public Optional<RestResponse<ErrorBody>> requireToken(HttpHeaders headers) {
        Optional<byte[]> expectedDigest = expected.get().digest;
        if (expectedDigest.isEmpty()) {
            return refuse(503, "The operator API is off: set OPERATOR_TOKEN to enable it");
        }
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(401, "Missing bearer token: send Authorization: Bearer <OPERATOR_TOKEN>");
        }
        byte[] presented = digest(authorization.substring(BEARER.length()).trim());
        if (!MessageDigest.isEqual(presented, expectedDigest.get())) {
            return refuse(401, "Wrong bearer token");
        }
        return Optional.empty();
    }

    private static Optional<RestResponse<ErrorBody>> refuse(int status, String words) {
        RestResponse.ResponseBuilder<ErrorBody> response = RestResponse.ResponseBuilder
                .<ErrorBody> create(status).entity(new ErrorBody(status, words))
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return Optional.of(response.build());
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this runtime", e);
        }
    }
}
