package org.taskrouter.assignment.feed;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestQuery;
import org.taskrouter.assignment.error.BadRequestException;
import org.taskrouter.assignment.operator.OperatorOnly;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/** {@code GET /api/events}: what the feed holds, newest first, the same items the stream sends. */
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
    public Uni<List<TaskRouterEvent>> recent(@RestQuery @DefaultValue("50") String limit) {
        // read as text: JAX-RS answers 404 to a query parameter it cannot convert, which misleads
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException notANumber) {
            count = 0;
        }
        if (count < 1 || count > 500) {
            throw new BadRequestException("limit must be a whole number from 1 to 500");
        }
        return feed.recent(count);
    }
}
