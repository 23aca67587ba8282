package org.taskrouter.assignment.setup;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.taskrouter.assignment.operator.OperatorOnly;
import org.taskrouter.assignment.signature.PublicUrl;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** {@code POST /api/setup}: the quickstart's Workspace on the configured TaskRouter, created or brought up to date. */
@Path("/api/setup")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class SetupResource {

    private final WorkspaceProvisioner provisioner;
    private final PublicUrl publicUrl;
    private final WorkspaceDefinition quickstart = WorkspaceDefinition.loadQuickstart();
    private final SetupLock lock;

    public SetupResource(WorkspaceProvisioner provisioner, PublicUrl publicUrl, SetupLock lock) {
        this.provisioner = provisioner;
        this.lock = lock;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Create the quickstart's Activities, TaskQueues, Workers and Workflow; answer the .env lines")
    @APIResponse(responseCode = "200", description = "What was created or found, and the .env lines naming it")
    @APIResponse(responseCode = "409", description = "Another setup is running, here or on another replica")
    @APIResponse(responseCode = "503", description = "TaskRouter (or Redis, when configured) is not configured or unreachable")
    public Uni<SetupResult> setUp(HttpServerRequest request) {
        List<String> warnings = new ArrayList<>();
        PublicUrl.Base base = publicUrl.base(request);
        if (!base.known()) {
            warnings.add("PUBLIC_BASE_URL is not set: the callbacks point at " + base.url()
                    + ", the address this request came to; Twilio can reach it only if it is public");
        }
        // deferred: a refusal thrown at once (TaskRouter not configured) must release the lock too
        return lock.holding(Uni.createFrom().deferred(() -> provisioner.provision(quickstart, base.url(), warnings)));
    }
}
