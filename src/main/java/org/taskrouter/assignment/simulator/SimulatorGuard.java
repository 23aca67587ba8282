package org.taskrouter.assignment.simulator;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Stands at the door of every simulator route: switched off (see {@link SimulatorSwitch}) it answers 404 as
 * if the route did not exist; otherwise it requires TaskRouter's HTTP Basic credentials, 401 code 20003 without.
 */
@Provider
@SimulatorApi
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatorGuard implements ContainerRequestFilter {

    // Looked up per request: JAX-RS providers are built during static init, before run-time config mappings exist.
    @Inject
    Instance<SimulatorSwitch> simulatorSwitch;

    @Inject
    Instance<SimulatorCredentials> credentials;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!simulatorSwitch.get().on()) {
            String path = request.getUriInfo().getPath();
            request.abortWith(SimulatorErrors.response(
                    TwilioApiException.notFound(path.startsWith("/v1") ? path.substring(3) : path).error()));
            return;
        }
        if (!credentials.get().accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            Response unauthorized = SimulatorErrors.response(TwilioApiException.unauthorized().error());
            request.abortWith(Response.fromResponse(unauthorized)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"TaskRouter API\"").build());
        }
    }
}
