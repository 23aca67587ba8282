package org.taskrouter.assignment.operator;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.taskrouter.assignment.error.BadRequestException;
import org.taskrouter.assignment.taskrouter.Reservation;
import org.taskrouter.assignment.taskrouter.Sids;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;

import io.smallrye.mutiny.Uni;

/** Reservations, for the operator: which wait for an answer, and the answer. */
@Path("/api")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class ReservationResource {

    /** TaskRouter's Reservation states (task_reservation_enum_status in the OpenAPI file). */
    static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected", "timeout", "canceled", "rescinded",
            "wrapping", "completed");

    private final TaskRouterClient taskRouter;

    public ReservationResource(TaskRouterClient taskRouter) {
        this.taskRouter = taskRouter;
    }

    @GET
    @Path("/reservations")
    @Operation(summary = "List the Reservations in a status across all Workers, oldest first")
    @APIResponse(responseCode = "200", description = "The Reservations")
    @APIResponse(responseCode = "400", description = "Unknown status")
    public Uni<List<Reservation>> list(@RestQuery @DefaultValue("pending") String status) {
        if (!STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        return taskRouter.listReservations(status);
    }

    @POST
    @Path("/tasks/{taskSid}/reservations/{reservationSid}/accept")
    @Operation(summary = "Accept a pending Reservation")
    @APIResponse(responseCode = "200", description = "The accepted Reservation")
    @APIResponse(responseCode = "404", description = "No such Task or Reservation")
    @APIResponse(responseCode = "409", description = "The Reservation is no longer pending")
    public Uni<Reservation> accept(@RestPath String taskSid, @RestPath String reservationSid) {
        Sids.require(taskSid, "WT", "taskSid");
        Sids.require(reservationSid, "WR", "reservationSid");
        return taskRouter.acceptReservation(taskSid, reservationSid);
    }

    @POST
    @Path("/tasks/{taskSid}/reservations/{reservationSid}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a pending Reservation, optionally moving the Worker to another Activity")
    @APIResponse(responseCode = "200", description = "The rejected Reservation")
    @APIResponse(responseCode = "404", description = "No such Task or Reservation")
    @APIResponse(responseCode = "409", description = "The Reservation is no longer pending")
    public Uni<Reservation> reject(@RestPath String taskSid, @RestPath String reservationSid,
            @Valid RejectRequest request) {
        Sids.require(taskSid, "WT", "taskSid");
        Sids.require(reservationSid, "WR", "reservationSid");
        return taskRouter.rejectReservation(taskSid, reservationSid, request == null ? null : request.activitySid());
    }
}
