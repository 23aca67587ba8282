package org.taskrouter.assignment.operator;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestQuery;
import org.taskrouter.assignment.error.BadRequestException;
import org.taskrouter.assignment.taskrouter.Reservation;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.twilio.ReservationStatus;

import io.smallrye.mutiny.Uni;

/** Reservations across the Workspace, for the operator: which wait for an answer. */
@Path("/api/reservations")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class ReservationResource {

    private final TaskRouterClient taskRouter;

    public ReservationResource(TaskRouterClient taskRouter) {
        this.taskRouter = taskRouter;
    }

    @GET
    @Operation(summary = "List the Reservations in a status across all Workers, oldest first")
    @APIResponse(responseCode = "200", description = "The Reservations")
    @APIResponse(responseCode = "400", description = "Unknown status")
    public Uni<List<Reservation>> list(@RestQuery @DefaultValue("pending") String status) {
        if (ReservationStatus.fromWire(status) == null) {
            throw new BadRequestException("status must be one of " + ReservationStatus.wireSpellings());
        }
        return taskRouter.listReservations(status);
    }
}
