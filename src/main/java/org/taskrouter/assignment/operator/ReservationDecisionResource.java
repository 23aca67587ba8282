package org.taskrouter.assignment.operator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.taskrouter.assignment.logging.SidFields;
import org.taskrouter.assignment.taskrouter.Reservation;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.twilio.SidFormat;

import com.fasterxml.jackson.core.JacksonException;

import io.smallrye.mutiny.Uni;

/** The operator's answer to one Reservation: accept or reject, through TaskRouter's Reservations API. */
@Path("/api/tasks/{taskSid}/reservations/{reservationSid}")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class ReservationDecisionResource {

    private static final Logger LOG = Logger.getLogger(ReservationDecisionResource.class);

    private final TaskRouterClient taskRouter;
    private final OptionalJsonBody bodies;

    public ReservationDecisionResource(TaskRouterClient taskRouter, OptionalJsonBody bodies) {
        this.taskRouter = taskRouter;
        this.bodies = bodies;
    }

    @POST
    @Path("/accept")
    @Operation(summary = "Accept a pending Reservation")
    @APIResponse(responseCode = "200", description = "The accepted Reservation")
    @APIResponse(responseCode = "404", description = "No such Task or Reservation")
    @APIResponse(responseCode = "409", description = "The Reservation is no longer pending")
    public Uni<Reservation> accept(@RestPath String taskSid, @RestPath String reservationSid) {
        SidFormat.require(taskSid, "WT", "taskSid");
        SidFormat.require(reservationSid, "WR", "reservationSid");
        return taskRouter.acceptReservation(taskSid, reservationSid).invoke(accepted -> {
            SidFields.put(SidFields.WORKER, accepted.workerSid());
            LOG.infof("Accepted Reservation %s of Task %s for Worker %s", reservationSid, taskSid,
                    accepted.workerSid());
        });
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.WILDCARD) // the body is optional: see OptionalJsonBody
    @Operation(summary = "Reject a pending Reservation, optionally moving the Worker to another Activity")
    @APIResponse(responseCode = "200", description = "The rejected Reservation")
    @APIResponse(responseCode = "404", description = "No such Task or Reservation")
    @APIResponse(responseCode = "409", description = "The Reservation is no longer pending")
    public Uni<Reservation> reject(@RestPath String taskSid, @RestPath String reservationSid,
            String body) throws JacksonException {
        SidFormat.require(taskSid, "WT", "taskSid");
        SidFormat.require(reservationSid, "WR", "reservationSid");
        String activitySid = bodies.read(body, RejectRequest.class).map(RejectRequest::activitySid).orElse(null);
        return taskRouter.rejectReservation(taskSid, reservationSid, activitySid).invoke(rejected -> {
            SidFields.put(SidFields.WORKER, rejected.workerSid());
            LOG.infof("Rejected Reservation %s of Task %s for Worker %s", reservationSid, taskSid,
                    rejected.workerSid());
        });
    }
}
