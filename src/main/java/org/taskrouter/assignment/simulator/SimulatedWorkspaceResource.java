package org.taskrouter.assignment.simulator;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * TaskRouter's Workspace, Activities, TaskQueues and Workflows routes, served by the simulator: each hands its
 * operation's body to the {@link TaskRouterSimulator}, which runs it under the Workspace's lock.
 */
@Path("/v1/Workspaces/{WorkspaceSid}")
@Produces(MediaType.APPLICATION_JSON)
@SimulatorApi
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatedWorkspaceResource {

    @Inject
    TaskRouterSimulator simulator;

    @Inject
    WorkspaceConfiguration configuration;

    @Context
    UriInfo uri;

    /** GET the Workspace. */
    @GET
    public ResourceJson.Workspace workspace(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.read(workspaceSid, base(uri), request -> request.views().workspace());
    }

    /** POST an update of the Workspace: FriendlyName, EventCallbackUrl, DefaultActivitySid, TimeoutActivitySid. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Workspace updateWorkspace(@PathParam("WorkspaceSid") String workspaceSid,
            MultivaluedMap<String, String> form) {
        return simulator.change(workspaceSid, base(uri),
                (request, out) -> configuration.updateWorkspace(request, new Params(form), out));
    }

    /** GET the Activities: FriendlyName and Available filters. */
    @GET
    @Path("/Activities")
    public Object activities(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.listActivities(request, query(uri)))
                .body();
    }

    /** GET one Activity. */
    @GET
    @Path("/Activities/{Sid}")
    public ResourceJson.Activity activity(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.fetchActivity(request, sid));
    }

    /** POST a new Activity: FriendlyName (required), Available. */
    @POST
    @Path("/Activities")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createActivity(@PathParam("WorkspaceSid") String workspaceSid,
            MultivaluedMap<String, String> form) {
        return created(simulator.change(workspaceSid, base(uri),
                (request, out) -> configuration.createActivity(request, new Params(form), out)));
    }

    /** GET the TaskQueues: FriendlyName filter. */
    @GET
    @Path("/TaskQueues")
    public Object taskQueues(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.listTaskQueues(request, query(uri)))
                .body();
    }

    /** GET one TaskQueue. */
    @GET
    @Path("/TaskQueues/{Sid}")
    public ResourceJson.TaskQueue taskQueue(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.fetchTaskQueue(request, sid));
    }

    /** GET the Workspace's event log. */
    @GET
    @Path("/Events")
    public Object events(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.listEvents(request, query(uri)))
                .body();
    }

    /** GET the Workspace's live figures. */
    @GET
    @Path("/RealTimeStatistics")
    public ResourceJson.WorkspaceRealTimeStatistics workspaceStatistics(
            @PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.read(workspaceSid, base(uri), request -> request.views().workspaceStatistics(request.now()));
    }

    /** GET one TaskQueue's live figures. */
    @GET
    @Path("/TaskQueues/{Sid}/RealTimeStatistics")
    public ResourceJson.TaskQueueRealTimeStatistics taskQueueStatistics(
            @PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.taskQueueStatistics(request, sid));
    }

    /** POST a new TaskQueue. */
    @POST
    @Path("/TaskQueues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTaskQueue(@PathParam("WorkspaceSid") String workspaceSid,
            MultivaluedMap<String, String> form) {
        return created(simulator.change(workspaceSid, base(uri),
                (request, out) -> configuration.saveTaskQueue(request, null, new Params(form), out)));
    }

    /** POST an update of a TaskQueue. */
    @POST
    @Path("/TaskQueues/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.TaskQueue updateTaskQueue(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid, MultivaluedMap<String, String> form) {
        return simulator.change(workspaceSid, base(uri),
                (request, out) -> configuration.saveTaskQueue(request, sid, new Params(form), out));
    }

    /** GET the Workflows: FriendlyName filter. */
    @GET
    @Path("/Workflows")
    public Object workflows(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.listWorkflows(request, query(uri)))
                .body();
    }

    /** GET one Workflow. */
    @GET
    @Path("/Workflows/{Sid}")
    public ResourceJson.Workflow workflow(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.fetchWorkflow(request, sid));
    }

    /**
     * POST a new Workflow: FriendlyName, Configuration, AssignmentCallbackUrl, FallbackAssignmentCallbackUrl,
     * TaskReservationTimeout.
     */
    @POST
    @Path("/Workflows")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createWorkflow(@PathParam("WorkspaceSid") String workspaceSid,
            MultivaluedMap<String, String> form) {
        return created(simulator.change(workspaceSid, base(uri),
                (request, out) -> configuration.saveWorkflow(request, null, new Params(form), out)));
    }

    /** POST an update of a Workflow, with the same fields as a new one. */
    @POST
    @Path("/Workflows/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Workflow updateWorkflow(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid, MultivaluedMap<String, String> form) {
        return simulator.change(workspaceSid, base(uri),
                (request, out) -> configuration.saveWorkflow(request, sid, new Params(form), out));
    }

    @ServerExceptionMapper
    Response failed(Exception failure) {
        return SimulatorErrors.toResponse(failure);
    }

    /** The scheme, host and port the request came in on, without a trailing slash. */
    static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The request's query parameters. */
    static Params query(UriInfo uri) {
        return new Params(uri.getQueryParameters());
    }

    /** 201 with the created resource. */
    static Response created(Object resource) {
        return Response.status(Response.Status.CREATED).entity(resource).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
