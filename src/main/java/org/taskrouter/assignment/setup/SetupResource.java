package org.taskrouter.assignment.setup;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.taskrouter.assignment.config.PublicUrlConfig;
import org.taskrouter.assignment.operator.OperatorOnly;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.smallrye.mutiny.Uni;

/** {@code POST /api/setup}: the quickstart's Workspace on the configured TaskRouter, created or brought up to date. */
@Path("/api/setup")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class SetupResource {

    private final WorkspaceProvisioner provisioner;
    private final PublicUrlConfig publicUrl;
    private final WorkspaceDefinition quickstart = WorkspaceDefinition.loadQuickstart();

    public SetupResource(WorkspaceProvisioner provisioner, PublicUrlConfig publicUrl) {
        this.provisioner = provisioner;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Create the quickstart's Activities, TaskQueues, Workers and Workflow; answer the .env lines")
    @APIResponse(responseCode = "200", description = "What was created or found, and the .env lines naming it")
    @APIResponse(responseCode = "503", description = "TaskRouter is not configured or unreachable")
    public Uni<SetupResult> setUp(UriInfo request) {
        List<String> warnings = new ArrayList<>();
        String base = publicUrl.baseUrl().map(URI::toString).orElseGet(() -> {
            String own = request.getBaseUri().toString();
            warnings.add("PUBLIC_BASE_URL is not set: the callbacks point at " + own
                    + ", the address this request came to; Twilio can reach it only if it is public");
            return own;
        });
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return provisioner.provision(quickstart, base, warnings);
    }
}
