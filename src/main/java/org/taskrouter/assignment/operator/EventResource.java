package org.taskrouter.assignment.operator;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestQuery;
import org.taskrouter.assignment.callback.EventFeed;
import org.taskrouter.assignment.callback.TaskRouterEvent;

import io.smallrye.common.annotation.NonBlocking;

/** The TaskRouter events this replica received recently. */
@Path("/api/events")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class EventResource {

    private final EventFeed feed;

    public EventResource(EventFeed feed) {
        this.feed = feed;
    }

    @GET
    @NonBlocking
    @Operation(summary = "Recent TaskRouter events, newest first")
    public List<TaskRouterEvent> recent(@RestQuery @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return feed.recent(limit);
    }
}
