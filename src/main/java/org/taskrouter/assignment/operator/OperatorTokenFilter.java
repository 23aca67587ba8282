package org.taskrouter.assignment.operator;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.taskrouter.assignment.error.ErrorBody;

import io.vertx.core.http.HttpServerRequest;

/** Applies the {@link OperatorToken} check to every resource marked {@link OperatorOnly}. */
@Singleton
public class OperatorTokenFilter {

    /**
     * REST filters are created during static initialisation, before runtime configuration exists (and a native
     * image would freeze build-time values), so the token is looked up on first use instead.
     */
    private final Instance<OperatorToken> token;

    public OperatorTokenFilter(Instance<OperatorToken> token) {
        this.token = token;
    }

    @ServerRequestFilter
    @OperatorOnly
    public Optional<RestResponse<ErrorBody>> requireToken(HttpHeaders headers, HttpServerRequest request) {
        return token.get().refusal(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                TokenGuesses.sourceOf(request)).map(OperatorTokenFilter::refuse);
    }

    private static RestResponse<ErrorBody> refuse(OperatorToken.Refusal refusal) {
        ErrorBody body = refusal.body();
        RestResponse.ResponseBuilder<ErrorBody> response = RestResponse.ResponseBuilder
                .<ErrorBody> create(body.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        if (body.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (refusal.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds());
        }
        return response.build();
    }
}
