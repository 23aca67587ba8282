package org.taskrouter.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.NonBlocking;

/**
 * What HTTP alone costs on this stack: the body is read (as the service reads it) and ignored, the answer is the
 * service's own constant. The difference between this and the signed callback is the callback's own work.
 */
@Path("/assignment_callback")
public class NoopCallbackResource {

    private static final String ACCEPT = "{\"instruction\":\"accept\"}";

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public String answer(String body) {
        return ACCEPT;
    }
}
