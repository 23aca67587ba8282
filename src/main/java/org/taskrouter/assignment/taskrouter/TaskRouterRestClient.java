package org.taskrouter.assignment.taskrouter;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import io.smallrye.mutiny.Uni;

/**
 * The TaskRouter REST API v1, as far as this service uses it. Paths, form fields and query names are those of
 * twilio/twilio-oai {@code spec/json/twilio_taskrouter_v1.json}; {@link TaskRouterClient} adds retries and paging.
 * Absent ({@code null}) form and query values are not sent.
 */
@RegisterRestClient(configKey = "taskrouter")
@RegisterClientHeaders(TaskRouterCredentials.class)
@Path("/v1/Workspaces")
@Produces(MediaType.APPLICATION_JSON)
interface TaskRouterRestClient {

    /** Creates a Task in a Workflow. */
    @POST
    @Path("/{WorkspaceSid}/Tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Task> createTask(@PathParam("WorkspaceSid") String workspaceSid,
            @FormParam("WorkflowSid") String workflowSid,
            @FormParam("Attributes") String attributes,
            @FormParam("Priority") Integer priority,
            @FormParam("Timeout") Integer timeout,
            @FormParam("TaskChannel") String taskChannel);

    /** Fetches a Task, with its ETag. */
    @GET
    @Path("/{WorkspaceSid}/Tasks/{Sid}")
    Uni<RestResponse<Task>> fetchTask(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String taskSid);

    /** Reads one page of the Workspace's event log, since {@code startDate} (ISO 8601). */
    @GET
    @Path("/{WorkspaceSid}/Events")
    Uni<WorkspaceEventPage> listEvents(@PathParam("WorkspaceSid") String workspaceSid,
            @QueryParam("StartDate") String startDate,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("Page") Integer page,
            @QueryParam("PageToken") String pageToken);

    /** Reads one page of Tasks in the given assignment states. */
    @GET
    @Path("/{WorkspaceSid}/Tasks")
    Uni<TaskPage> listTasks(@PathParam("WorkspaceSid") String workspaceSid,
            @QueryParam("AssignmentStatus") List<String> assignmentStatus,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("Page") Integer page,
            @QueryParam("PageToken") String pageToken);

    /** Changes a Task's assignment status; {@code ifMatch} makes it conditional on the Task's ETag. */
    @POST
    @Path("/{WorkspaceSid}/Tasks/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Task> updateTask(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String taskSid,
            @HeaderParam("If-Match") String ifMatch,
            @FormParam("AssignmentStatus") String assignmentStatus,
            @FormParam("Reason") String reason);

    /** Reads one page of a Task's Reservations. */
    @GET
    @Path("/{WorkspaceSid}/Tasks/{TaskSid}/Reservations")
    Uni<ReservationPage> listTaskReservations(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("TaskSid") String taskSid,
            @QueryParam("ReservationStatus") String reservationStatus,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("Page") Integer page,
            @QueryParam("PageToken") String pageToken);

    /** Accepts or rejects a Reservation; a rejected one may move the Worker to {@code workerActivitySid}. */
    @POST
    @Path("/{WorkspaceSid}/Tasks/{TaskSid}/Reservations/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Reservation> updateReservation(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("TaskSid") String taskSid, @PathParam("Sid") String reservationSid,
            @FormParam("ReservationStatus") String reservationStatus,
            @FormParam("WorkerActivitySid") String workerActivitySid);

    /** Reads one page of a Worker's Reservations. */
    @GET
    @Path("/{WorkspaceSid}/Workers/{WorkerSid}/Reservations")
    Uni<ReservationPage> listWorkerReservations(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("WorkerSid") String workerSid,
            @QueryParam("ReservationStatus") String reservationStatus,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("Page") Integer page,
            @QueryParam("PageToken") String pageToken);

    /** Reads one page of Workers. */
    @GET
    @Path("/{WorkspaceSid}/Workers")
    Uni<WorkerPage> listWorkers(@PathParam("WorkspaceSid") String workspaceSid,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("Page") Integer page,
            @QueryParam("PageToken") String pageToken);

    /** Moves a Worker to another Activity. */
    @POST
    @Path("/{WorkspaceSid}/Workers/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Worker> updateWorkerActivity(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String workerSid,
            @FormParam("ActivitySid") String activitySid);

    /** Reads one page of Activities. */
    @GET
    @Path("/{WorkspaceSid}/Activities")
    Uni<ActivityPage> listActivities(@PathParam("WorkspaceSid") String workspaceSid,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("Page") Integer page,
            @QueryParam("PageToken") String pageToken);

    /** Creates an Activity. */
    @POST
    @Path("/{WorkspaceSid}/Activities")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Activity> createActivity(@PathParam("WorkspaceSid") String workspaceSid,
            @FormParam("FriendlyName") String friendlyName,
            @FormParam("Available") Boolean available);

    /** Reads one page of TaskQueues. */
    @GET
    @Path("/{WorkspaceSid}/TaskQueues")
    Uni<TaskQueuePage> listTaskQueues(@PathParam("WorkspaceSid") String workspaceSid,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("Page") Integer page,
            @QueryParam("PageToken") String pageToken);

    /** A TaskQueue's live figures: Tasks by status, the longest wait, eligible and available Workers. */
    @GET
    @Path("/{WorkspaceSid}/TaskQueues/{TaskQueueSid}/RealTimeStatistics")
    Uni<TaskQueueStatistics> fetchTaskQueueStatistics(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("TaskQueueSid") String taskQueueSid);

    /** Creates a TaskQueue. */
    @POST
    @Path("/{WorkspaceSid}/TaskQueues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<TaskQueue> createTaskQueue(@PathParam("WorkspaceSid") String workspaceSid,
            @FormParam("FriendlyName") String friendlyName,
            @FormParam("TargetWorkers") String targetWorkers,
            @FormParam("ReservationActivitySid") String reservationActivitySid,
            @FormParam("AssignmentActivitySid") String assignmentActivitySid);

    /** Creates a Worker. */
    @POST
    @Path("/{WorkspaceSid}/Workers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Worker> createWorker(@PathParam("WorkspaceSid") String workspaceSid,
            @FormParam("FriendlyName") String friendlyName,
            @FormParam("Attributes") String attributes,
            @FormParam("ActivitySid") String activitySid);

    /** Reads one page of Workflows. */
    @GET
    @Path("/{WorkspaceSid}/Workflows")
    Uni<WorkflowPage> listWorkflows(@PathParam("WorkspaceSid") String workspaceSid,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("Page") Integer page,
            @QueryParam("PageToken") String pageToken);

    /** Creates a Workflow. */
    @POST
    @Path("/{WorkspaceSid}/Workflows")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Workflow> createWorkflow(@PathParam("WorkspaceSid") String workspaceSid,
            @FormParam("FriendlyName") String friendlyName,
            @FormParam("Configuration") String configuration,
            @FormParam("AssignmentCallbackUrl") String assignmentCallbackUrl,
            @FormParam("FallbackAssignmentCallbackUrl") String fallbackAssignmentCallbackUrl,
            @FormParam("TaskReservationTimeout") Integer taskReservationTimeout);

    /** Points an existing Workflow at the given routing and callbacks. */
    @POST
    @Path("/{WorkspaceSid}/Workflows/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Workflow> updateWorkflow(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String workflowSid,
            @FormParam("Configuration") String configuration,
            @FormParam("AssignmentCallbackUrl") String assignmentCallbackUrl,
            @FormParam("FallbackAssignmentCallbackUrl") String fallbackAssignmentCallbackUrl,
            @FormParam("TaskReservationTimeout") Integer taskReservationTimeout);

    /** Reads a Workspace: the cheapest call that proves the credentials open it. */
    @GET
    @Path("/{Sid}")
    Uni<Workspace> fetchWorkspace(@PathParam("Sid") String workspaceSid);

    /** Sets a Workspace's Event Callback URL and the Activity Workers move to when a Reservation times out. */
    @POST
    @Path("/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Workspace> updateWorkspace(@PathParam("Sid") String workspaceSid,
            @FormParam("EventCallbackUrl") String eventCallbackUrl,
            @FormParam("TimeoutActivitySid") String timeoutActivitySid);

    /** TaskRouter answers in snake_case; our records are camelCase, which is what the operator API shows. */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return TaskRouterJsonReading.configure(defaultObjectMapper.copy());
    }

    /** Every non-2xx answer becomes one typed exception, carrying Twilio's error JSON when there is one. */
    @ClientExceptionMapper
    static TaskRouterException toException(Response response) {
        return TaskRouterException.from(response);
    }
}
