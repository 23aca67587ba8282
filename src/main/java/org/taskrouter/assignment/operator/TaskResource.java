package org.taskrouter.assignment.operator;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.taskrouter.assignment.error.BadRequestException;
import org.taskrouter.assignment.taskrouter.Sids;
import org.taskrouter.assignment.taskrouter.Task;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.taskrouter.VersionedTask;

import io.smallrye.mutiny.Uni;

/** Tasks, for the operator: create one in the configured Workflow, look one up. */
@Path("/api/tasks")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class TaskResource {

    private final TaskRouterClient taskRouter;

    public TaskResource(TaskRouterClient taskRouter) {
        this.taskRouter = taskRouter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a Task in the configured Workflow")
    @APIResponse(responseCode = "201", description = "The created Task")
    @APIResponse(responseCode = "400", description = "The body is not a valid Task request")
    @APIResponse(responseCode = "503", description = "TaskRouter is not configured or unreachable")
    public Uni<RestResponse<Task>> create(@Valid @NotNull(message = "is required") CreateTaskRequest request) {
        if (!request.attributes().isObject()) {
            throw new BadRequestException("attributes must be a JSON object, e.g. {\"selected_language\":\"es\"}");
        }
        return taskRouter.createTask(request.attributes().toString(), request.priority(), request.timeout(),
                request.taskChannel())
                .map(task -> RestResponse.ResponseBuilder.<Task> created(URI.create("/api/tasks/" + task.sid()))
                        .entity(task).build());
    }

    @GET
    @Path("/{taskSid}")
    @Operation(summary = "Fetch a Task")
    @APIResponse(responseCode = "200", description = "The Task")
    @APIResponse(responseCode = "404", description = "TaskRouter has no such Task")
    public Uni<Task> get(@RestPath String taskSid) {
        Sids.require(taskSid, "WT", "taskSid");
        return taskRouter.fetchTask(taskSid).map(VersionedTask::task);
    }
}
