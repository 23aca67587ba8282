package org.taskrouter.assignment.operator;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestPath;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.taskrouter.Worker;
import org.taskrouter.assignment.twilio.SidFormat;

import io.smallrye.mutiny.Uni;

/** Workers, for the operator: who is in which Activity; make one available, or not. */
@Path("/api/workers")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class WorkerResource {

    private final TaskRouterClient taskRouter;

    public WorkerResource(TaskRouterClient taskRouter) {
        this.taskRouter = taskRouter;
    }

    @GET
    @Operation(summary = "List the Workers with their current Activity")
    @APIResponse(responseCode = "200", description = "The Workers")
    public Uni<List<Worker>> list() {
        return taskRouter.listWorkers();
    }

    @PUT
    @Path("/{workerSid}/activity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a Worker to another Activity")
    @APIResponse(responseCode = "200", description = "The Worker in its new Activity")
    @APIResponse(responseCode = "404", description = "No such Worker or Activity")
    public Uni<Worker> changeActivity(@RestPath String workerSid,
            @Valid @NotNull(message = "is required") ActivityRequest request) {
        SidFormat.require(workerSid, "WK", "workerSid");
        return taskRouter.updateWorkerActivity(workerSid, request.activitySid());
    }
}
