package org.taskrouter.assignment.operator;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.taskrouter.Workflow;

import io.smallrye.mutiny.Uni;

/**
 * The Workspace's Workflows, for the operator: a Reservation times out its Workflow's
 * {@code taskReservationTimeout} seconds after it was created, which is the console's countdown.
 */
@Path("/api/workflows")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class WorkflowResource {

    private final TaskRouterClient taskRouter;

    public WorkflowResource(TaskRouterClient taskRouter) {
        this.taskRouter = taskRouter;
    }

    @GET
    @Operation(summary = "List the Workflows with their Reservation timeout and assignment callback URL")
    @APIResponse(responseCode = "200", description = "The Workflows")
    public Uni<List<Workflow>> list() {
        return taskRouter.listWorkflows();
    }
}
