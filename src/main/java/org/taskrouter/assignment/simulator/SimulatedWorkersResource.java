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

/** TaskRouter's Workers routes and a Worker's view of its Reservations, served by the simulator. */
@Path("/v1/Workspaces/{WorkspaceSid}/Workers")
@Produces(MediaType.APPLICATION_JSON)
@SimulatorApi
@IfBuildProfile(anyOf = {"dev", "test"})
public class SimulatedWorkersResource {

    @Inject
    TaskRouterSimulator simulator;

    @Context
    UriInfo uri;

    /** GET the Workers, paged. */
    @GET
    public Object workers(@PathParam("WorkspaceSid") String workspaceSid) {
        return simulator.listWorkers(base(uri), workspaceSid, query(uri)).body();
    }

    /** POST a new Worker. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createWorker(@PathParam("WorkspaceSid") String workspaceSid, MultivaluedMap<String, String> form) {
        return created(simulator.createWorker(base(uri), workspaceSid, new Params(form)));
    }

    /** GET one Worker. */
    @GET
    @Path("/{Sid}")
    public ResourceJson.Worker worker(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("Sid") String sid) {
        return simulator.fetchWorker(base(uri), workspaceSid, sid);
    }

    /** POST an update of a Worker: its Activity, attributes or name. */
    @POST
    @Path("/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Worker updateWorker(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("Sid") String sid, MultivaluedMap<String, String> form) {
        return simulator.updateWorker(base(uri), workspaceSid, sid, new Params(form));
    }

    /** GET a Worker's Reservations, paged. */
    @GET
    @Path("/{WorkerSid}/Reservations")
    public Object reservations(@PathParam("WorkspaceSid") String workspaceSid, @PathParam("WorkerSid") String workerSid) {
        return simulator.listWorkerReservations(base(uri), workspaceSid, workerSid, query(uri)).body();
    }

    /** GET one of a Worker's Reservations. */
    @GET
    @Path("/{WorkerSid}/Reservations/{Sid}")
    public ResourceJson.Reservation reservation(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("WorkerSid") String workerSid, @PathParam("Sid") String sid) {
        return simulator.fetchWorkerReservation(base(uri), workspaceSid, workerSid, sid);
    }

    /** POST an answer to one of a Worker's Reservations. */
    @POST
    @Path("/{WorkerSid}/Reservations/{Sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ResourceJson.Reservation updateReservation(@PathParam("WorkspaceSid") String workspaceSid,
            @PathParam("WorkerSid") String workerSid, @PathParam("Sid") String sid, MultivaluedMap<String, String> form) {
        return simulator.updateWorkerReservation(base(uri), workspaceSid, workerSid, sid, new Params(form));
    }

    @ServerExceptionMapper
    Response failed(Exception failure) {
        return SimulatorErrors.toResponse(failure);
    }
}
