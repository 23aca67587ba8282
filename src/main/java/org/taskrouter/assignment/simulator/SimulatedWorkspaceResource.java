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

/** TaskRouter's Workspace, Activities, TaskQueues and Workflows routes, served by the simulator. */
@Path("/v1/Workspaces/{WorkspaceSid}")
@Produces(MediaType.APPLICATION_JSON)
@SimulatorApi
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatedWorkspaceResource {

    @Inject
    TaskRouterSimulator simulator;

    @Context
    UriInfo uri;

    /** GET the Workspace. */
    @GET
    public ResourceJson.Workspace workspace(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.fetchWorkspace(base(uri), workspaceSid);
    }

    /** POST an update of the Workspace. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Workspace updateWorkspace(@PathParam("WorkspaceSid") String workspaceSid,
            MultivaluedMap<String, String> form) {
        return simulator.updateWorkspace(base(uri), workspaceSid, new Params(form));
    }

    /** GET the Activities. */
    @GET
    @Path("/Activities")
    public Object activities(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.listActivities(base(uri), workspaceSid, query(uri)).body();
    }

    /** GET one Activity. */
    @GET
    @Path("/Activities/{Sid}")
    public ResourceJson.Activity activity(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid) {
        return simulator.fetchActivity(base(uri), workspaceSid, sid);
    }

    /** POST a new Activity. */
    @POST
    @Path("/Activities")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createActivity(@PathParam("WorkspaceSid") String workspaceSid, MultivaluedMap<String, String> form) {
        return created(simulator.createActivity(base(uri), workspaceSid, new Params(form)));
    }

    /** GET the TaskQueues. */
    @GET
    @Path("/TaskQueues")
    public Object taskQueues(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.listTaskQueues(base(uri), workspaceSid, query(uri)).body();
    }

    /** GET one TaskQueue. */
    @GET
    @Path("/TaskQueues/{Sid}")
    public ResourceJson.TaskQueue taskQueue(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid) {
        return simulator.fetchTaskQueue(base(uri), workspaceSid, sid);
    }

    /** GET the Workspace's event log. */
    @GET
    @Path("/Events")
    public Object events(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.listEvents(base(uri), workspaceSid, query(uri)).body();
    }

    /** GET the Workspace's live figures. */
    @GET
    @Path("/RealTimeStatistics")
    public ResourceJson.WorkspaceRealTimeStatistics workspaceStatistics(
            @PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.fetchWorkspaceStatistics(base(uri), workspaceSid);
    }

    /** GET one TaskQueue's live figures. */
    @GET
    @Path("/TaskQueues/{Sid}/RealTimeStatistics")
    public ResourceJson.TaskQueueRealTimeStatistics taskQueueStatistics(
            @PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid) {
        return simulator.fetchTaskQueueStatistics(base(uri), workspaceSid, sid);
    }

    /** POST a new TaskQueue. */
    @POST
    @Path("/TaskQueues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTaskQueue(@PathParam("WorkspaceSid") String workspaceSid, MultivaluedMap<String, String> form) {
        return created(simulator.saveTaskQueue(base(uri), workspaceSid, null, new Params(form)));
    }

    /** POST an update of a TaskQueue. */
    @POST
    @Path("/TaskQueues/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.TaskQueue updateTaskQueue(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid, MultivaluedMap<String, String> form) {
        return simulator.saveTaskQueue(base(uri), workspaceSid, sid, new Params(form));
    }

    /** GET the Workflows. */
    @GET
    @Path("/Workflows")
    public Object workflows(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.listWorkflows(base(uri), workspaceSid, query(uri)).body();
    }

    /** GET one Workflow. */
    @GET
    @Path("/Workflows/{Sid}")
    public ResourceJson.Workflow workflow(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid) {
        return simulator.fetchWorkflow(base(uri), workspaceSid, sid);
    }

    /** POST a new Workflow. */
    @POST
    @Path("/Workflows")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createWorkflow(@PathParam("WorkspaceSid") String workspaceSid, MultivaluedMap<String, String> form) {
        return created(simulator.saveWorkflow(base(uri), workspaceSid, null, new Params(form)));
    }

    /** POST an update of a Workflow. */
    @POST
    @Path("/Workflows/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Workflow updateWorkflow(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid, MultivaluedMap<String, String> form) {
        return simulator.saveWorkflow(base(uri), workspaceSid, sid, new Params(form));
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
