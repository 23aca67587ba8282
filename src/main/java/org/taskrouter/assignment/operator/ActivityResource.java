package org.taskrouter.assignment.operator;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.taskrouter.assignment.taskrouter.Activity;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;

import io.smallrye.mutiny.Uni;

/** The Workspace's Activities, for the operator: which SID means "available". */
@Path("/api/activities")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class ActivityResource {

    private final TaskRouterClient taskRouter;

    public ActivityResource(TaskRouterClient taskRouter) {
        this.taskRouter = taskRouter;
    }

    @GET
    @Operation(summary = "List the Activities and whether Workers in them can be reserved")
    @APIResponse(responseCode = "200", description = "The Activities")
    public Uni<List<Activity>> list() {
        return taskRouter.listActivities();
    }
}
