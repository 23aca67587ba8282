package org.taskrouter.assignment.simulator;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

/** Turns whatever went wrong in a simulator route into TaskRouter's error JSON, never a stack trace. */
final class SimulatorErrors {

    private static final Logger LOG = Logger.getLogger(SimulatorErrors.class);

    private SimulatorErrors() {
    }

    /** The answer for {@code failure}: its own status for refusals, 500 code 20500 (logged) for a simulator bug. */
    static Response toResponse(Throwable failure) {
        if (failure instanceof TwilioApiException refused) {
            return response(refused.error());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            int code = switch (status) {
                case 404 -> 20404;
                case 405 -> 20004;
                case 401 -> 20003;
                default -> status >= 500 ? 20500 : 20001;
            };
            String message = status == 404 ? "The requested resource was not found"
                    : web.getMessage() == null ? Response.Status.fromStatusCode(status) + "" : web.getMessage();
            return response(TwilioErrorBody.of(status, code, message));
        }
        LOG.errorf(failure, "TaskRouter simulator: unexpected failure");
        return response(TwilioErrorBody.of(500, 20500, "Internal Server Error"));
    }

    /** The error as a JSON response with its status. */
    static Response response(TwilioErrorBody error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
