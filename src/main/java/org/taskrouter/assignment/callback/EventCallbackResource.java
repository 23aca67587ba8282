package org.taskrouter.assignment.callback;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.taskrouter.assignment.feed.EventFeed;
import org.taskrouter.assignment.feed.TaskRouterEvent;
import org.taskrouter.assignment.signature.CallbackSignatureVerifier;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;

/** The Workspace's Event Callback URL: TaskRouter reports what happened; the answer is an empty 204 at once. */
@Path("/events")
public class EventCallbackResource {

    private final CallbackSignatureVerifier signatures;
    private final EventFeed feed;

    public EventCallbackResource(CallbackSignatureVerifier signatures, EventFeed feed) {
        this.signatures = signatures;
        this.feed = feed;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @NonBlocking
    @Operation(summary = "Receive a TaskRouter event")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", description = "EventType is missing or the form is malformed")
    @APIResponse(responseCode = "403", description = "X-Twilio-Signature is missing or wrong")
    public RestResponse<Void> receive(String body, HttpServerRequest request) {
        CallbackForm form = CallbackForm.read(request, body);
        signatures.verify(request, form.params());
        feed.add(event(form, Instant.now()));
        return RestResponse.noContent();
    }

    /** The event a callback form describes; {@code EventType} is the one required parameter. */
    static TaskRouterEvent event(CallbackForm form, Instant receivedAt) {
        return new TaskRouterEvent(null, form.first("Sid"), form.required("EventType"), form.first("EventDescription"),
                form.first("ResourceType"), form.first("ResourceSid"), form.first("TaskSid"),
                form.first("TaskAssignmentStatus"), form.first("ReservationSid"), form.first("WorkerSid"),
                form.first("WorkerActivityName"), reason(form), form.first("Timestamp"), receivedAt);
    }

    /** TaskRouter names the reason by how the Task ended; an event carries at most one of them. */
    private static String reason(CallbackForm form) {
        String canceled = form.first("TaskCanceledReason");
        return canceled != null ? canceled : form.first("TaskCompletedReason");
    }
}
