package org.taskrouter.assignment.simulator;

import static org.taskrouter.assignment.simulator.SimulatedWorkspaceResource.base;
import static org.taskrouter.assignment.simulator.SimulatedWorkspaceResource.created;
import static org.taskrouter.assignment.simulator.SimulatedWorkspaceResource.query;

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
 * TaskRouter's Workers routes and a Worker's view of its Reservations, served by the simulator: each hands its
 * operation's body to the {@link TaskRouterSimulator}, which runs it under the Workspace's lock.
 */
@Path("/v1/Workspaces/{WorkspaceSid}/Workers")
@Produces(MediaType.APPLICATION_JSON)
@SimulatorApi
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatedWorkersResource {

    @Inject
    TaskRouterSimulator simulator;

    @Inject
    WorkspaceConfiguration configuration;

    @Inject
    TaskOperations taskOperations;

    @Context
    UriInfo uri;

    /**
     * GET the Workers, paged: ActivitySid, ActivityName, Available, FriendlyName, TargetWorkersExpression and
     * TaskQueueSid filters.
     */
    @GET
    public Object workers(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.listWorkers(request, query(uri)))
                .body();
    }

    /** POST a new Worker: FriendlyName (required), Attributes, ActivitySid. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createWorker(@PathParam("WorkspaceSid") String workspaceSid, MultivaluedMap<String, String> form) {
        return created(simulator.change(workspaceSid, base(uri),
                (request, out) -> configuration.createWorker(request, new Params(form), out)));
    }

    /** GET one Worker. */
    @GET
    @Path("/{Sid}")
    public ResourceJson.Worker worker(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid) {
        return simulator.read(workspaceSid, base(uri), request -> configuration.fetchWorker(request, sid));
    }

    /**
     * POST an update of a Worker: ActivitySid, Attributes, FriendlyName, RejectPendingReservations. Moving to an
     * available Activity offers the Worker waiting Tasks at once; pending Reservations stay unless
     * RejectPendingReservations is true.
     */
    @POST
    @Path("/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Worker updateWorker(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid, MultivaluedMap<String, String> form) {
        return simulator.change(workspaceSid, base(uri),
                (request, out) -> configuration.updateWorker(request, sid, new Params(form), out));
    }

    /** GET a Worker's Reservations, paged: ReservationStatus filter. */
    @GET
    @Path("/{WorkerSid}/Reservations")
    public Object reservations(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("WorkerSid") String workerSid) {
        return simulator.read(workspaceSid, base(uri),
                request -> taskOperations.listWorkerReservations(request, workerSid, query(uri))).body();
    }

    /** GET one of a Worker's Reservations. */
    @GET
    @Path("/{WorkerSid}/Reservations/{Sid}")
    public ResourceJson.Reservation reservation(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("WorkerSid") String workerSid, @PathParam("Sid") String sid) {
        return simulator.read(workspaceSid, base(uri),
                request -> taskOperations.fetchWorkerReservation(request, workerSid, sid));
    }

    /** POST an answer to one of a Worker's Reservations, as to the Task's view of it. */
    @POST
    @Path("/{WorkerSid}/Reservations/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Reservation updateReservation(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("WorkerSid") String workerSid, @PathParam("Sid") String sid,
            MultivaluedMap<String, String> form) {
        return simulator.change(workspaceSid, base(uri), (request, out) -> taskOperations.updateWorkerReservation(
                request, workerSid, sid, new Params(form), out));
    }

    @ServerExceptionMapper
    Response failed(Exception failure) {
        return SimulatorErrors.toResponse(failure);
    }
}
