package org.taskrouter.assignment.operator;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.taskrouter.assignment.error.ErrorBody;

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
    public Optional<RestResponse<ErrorBody>> requireToken(HttpHeaders headers) {
        return token.get().refusal(headers.getHeaderString(HttpHeaders.AUTHORIZATION)).map(OperatorTokenFilter::refuse);
    }

    private static RestResponse<ErrorBody> refuse(ErrorBody refusal) {
        RestResponse.ResponseBuilder<ErrorBody> response = RestResponse.ResponseBuilder
                .<ErrorBody> create(refusal.status()).entity(refusal).type(MediaType.APPLICATION_JSON_TYPE);
        if (refusal.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
