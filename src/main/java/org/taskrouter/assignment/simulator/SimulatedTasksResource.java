package org.taskrouter.assignment.simulator;

import static org.taskrouter.assignment.simulator.SimulatedWorkspaceResource.base;
import static org.taskrouter.assignment.simulator.SimulatedWorkspaceResource.query;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.taskrouter.assignment.twilio.ReservationStatus;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * TaskRouter's Tasks routes and a Task's view of its Reservations, served by the simulator: each hands its
 * operation's body to the {@link TaskRouterSimulator}, which runs it under the Workspace's lock.
 */
@Path("/v1/Workspaces/{WorkspaceSid}/Tasks")
@Produces(MediaType.APPLICATION_JSON)
@SimulatorApi
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatedTasksResource {

    @Inject
    TaskRouterSimulator simulator;

    @Inject
    TaskOperations taskOperations;

    @Context
    UriInfo uri;

    /** POST a new Task: Attributes, WorkflowSid, Priority, Timeout, TaskChannel; 201 with the Task and its ETag. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTask(@PathParam("WorkspaceSid") String workspaceSid, MultivaluedMap<String, String> form) {
        return withEtag(Response.status(Response.Status.CREATED), simulator.change(workspaceSid, base(uri),
                (request, out) -> taskOperations.createTask(request, new Params(form), out)));
    }

    /** GET the Tasks, paged, filtered by AssignmentStatus and more. */
    @GET
    public Object tasks(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.read(workspaceSid, base(uri), request -> taskOperations.listTasks(request, query(uri)))
                .body();
    }

    /** GET one Task, with its ETag. */
    @GET
    @Path("/{Sid}")
    public Response task(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid) {
        return withEtag(Response.ok(),
                simulator.read(workspaceSid, base(uri), request -> taskOperations.fetchTask(request, sid)));
    }

    /** POST an update of a Task: cancel, wrap up, complete, attributes, priority; honours If-Match. */
    @POST
    @Path("/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateTask(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MultivaluedMap<String, String> form) {
        return withEtag(Response.ok(), simulator.change(workspaceSid, base(uri),
                (request, out) -> taskOperations.updateTask(request, sid, ifMatch, new Params(form), out)));
    }

    /** DELETE a Task; 204. */
    @DELETE
    @Path("/{Sid}")
    public Response deleteTask(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        simulator.change(workspaceSid, base(uri), (request, out) -> {
            taskOperations.deleteTask(request, sid, ifMatch, out);
            return null;
        });
        return Response.noContent().build();
    }

    /** GET a Task's Reservations. */
    @GET
    @Path("/{TaskSid}/Reservations")
    public Object reservations(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("TaskSid") String taskSid) {
        return simulator.read(workspaceSid, base(uri),
                request -> taskOperations.listTaskReservations(request, taskSid, query(uri))).body();
    }

    /** GET one of a Task's Reservations. */
    @GET
    @Path("/{TaskSid}/Reservations/{Sid}")
    public ResourceJson.Reservation reservation(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("TaskSid") String taskSid, @PathParam("Sid") String sid) {
        return simulator.read(workspaceSid, base(uri),
                request -> taskOperations.fetchTaskReservation(request, taskSid, sid));
    }

    /** POST an answer to a Reservation: ReservationStatus accepted or rejected, WorkerActivitySid. */
    @POST
    @Path("/{TaskSid}/Reservations/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Reservation updateReservation(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("TaskSid") String taskSid, @PathParam("Sid") String sid, MultivaluedMap<String, String> form) {
        return simulator.change(workspaceSid, base(uri),
                (request, out) -> taskOperations.updateTaskReservation(request, taskSid, sid, new Params(form), out));
    }

    @ServerExceptionMapper
    Response failed(Exception failure) {
        return SimulatorErrors.toResponse(failure);
    }

    private static Response withEtag(Response.ResponseBuilder response, ResourceJson.VersionedTask task) {
        return response.entity(task.task()).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, task.etag())
                .build();
    }
}
