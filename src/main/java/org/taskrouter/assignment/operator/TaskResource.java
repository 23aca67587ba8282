package org.taskrouter.assignment.operator;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

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
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.taskrouter.assignment.error.BadRequestException;
import org.taskrouter.assignment.logging.SidFields;
import org.taskrouter.assignment.taskrouter.Task;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.taskrouter.VersionedTask;
import org.taskrouter.assignment.twilio.SidFormat;
import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

import com.fasterxml.jackson.core.JacksonException;

import io.smallrye.mutiny.Uni;

/** Tasks, for the operator: create, look up, list by state, and take to the end of their life. */
@Path("/api/tasks")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class TaskResource {

    private static final Logger LOG = Logger.getLogger(TaskResource.class);

    private final TaskRouterClient taskRouter;
    private final TaskLifecycle lifecycle;
    private final OptionalJsonBody bodies;

    public TaskResource(TaskRouterClient taskRouter, TaskLifecycle lifecycle, OptionalJsonBody bodies) {
        this.taskRouter = taskRouter;
        this.lifecycle = lifecycle;
        this.bodies = bodies;
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
                .invoke(task -> {
                    SidFields.put(SidFields.TASK, task.sid());
                    LOG.infof("Created Task %s", task.sid());
                })
                .map(task -> RestResponse.ResponseBuilder.<Task> created(URI.create("/api/tasks/" + task.sid()))
                        .entity(task).build());
    }

    @GET
    @Path("/{taskSid}")
    @Operation(summary = "Fetch a Task")
    @APIResponse(responseCode = "200", description = "The Task")
    @APIResponse(responseCode = "404", description = "TaskRouter has no such Task")
    public Uni<Task> get(@RestPath String taskSid) {
        SidFormat.require(taskSid, "WT", "taskSid");
        return taskRouter.fetchTask(taskSid).map(VersionedTask::task);
    }

    @GET
    @Operation(summary = "List the Tasks in the given assignment states (repeat the parameter or separate with commas)")
    @APIResponse(responseCode = "200", description = "The Tasks, across all pages")
    @APIResponse(responseCode = "400", description = "Unknown assignment status")
    public Uni<List<Task>> list(@RestQuery List<String> assignmentStatus) {
        List<String> statuses = assignmentStatus == null ? List.of() : assignmentStatus.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .distinct()
                .toList();
        for (String status : statuses) {
            if (TaskAssignmentStatus.fromWire(status) == null) {
                throw new BadRequestException("assignmentStatus must be among " + TaskAssignmentStatus.wireSpellings()
                        + ", not '" + status + "'");
            }
        }
        return taskRouter.listTasks(statuses.isEmpty() ? null : statuses);
    }

    @POST
    @Path("/{taskSid}/wrapup")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Move an assigned Task to wrapping")
    @APIResponse(responseCode = "200", description = "The Task, wrapping")
    @APIResponse(responseCode = "404", description = "TaskRouter has no such Task")
    @APIResponse(responseCode = "409", description = "The Task is not assigned")
    public Uni<Task> wrapUp(@RestPath String taskSid) {
        return lifecycle.wrapUp(SidFormat.require(taskSid, "WT", "taskSid"));
    }

    @POST
    @Path("/{taskSid}/complete")
    @Consumes(MediaType.WILDCARD) // the body is optional: see OptionalJsonBody
    @Operation(summary = "Complete an assigned or wrapping Task; with activitySid, then move its Worker there")
    @APIResponse(responseCode = "200", description = "The Task, completed")
    @APIResponse(responseCode = "404", description = "TaskRouter has no such Task or Activity")
    @APIResponse(responseCode = "409", description = "The Task is not assigned or wrapping, or changed meanwhile")
    public Uni<Task> complete(@RestPath String taskSid, String body) throws JacksonException {
        SidFormat.require(taskSid, "WT", "taskSid");
        CompleteTaskRequest request = bodies.read(body, CompleteTaskRequest.class)
                .orElse(new CompleteTaskRequest(null, null));
        return lifecycle.complete(taskSid, reason(request.reason(), "completed"), request.activitySid());
    }

    @POST
    @Path("/{taskSid}/cancel")
    @Consumes(MediaType.WILDCARD) // the body is optional: see OptionalJsonBody
    @Operation(summary = "Cancel a Task that is not yet assigned; its pending Reservations end")
    @APIResponse(responseCode = "200", description = "The Task, canceled")
    @APIResponse(responseCode = "404", description = "TaskRouter has no such Task")
    @APIResponse(responseCode = "409", description = "The Task is already assigned, completed or canceled")
    public Uni<Task> cancel(@RestPath String taskSid, String body) throws JacksonException {
        SidFormat.require(taskSid, "WT", "taskSid");
        CancelTaskRequest request = bodies.read(body, CancelTaskRequest.class).orElse(new CancelTaskRequest(null));
        return lifecycle.cancel(taskSid, reason(request.reason(), "canceled"));
    }

    /** TaskRouter requires a reason to complete or cancel; a short default spares the operator. */
    private static String reason(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }
}
