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
import org.taskrouter.assignment.feed.FeedMetrics;
import org.taskrouter.assignment.feed.TaskRouterEvent;
import org.taskrouter.assignment.signature.CallbackSignatureVerifier;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The Workspace's Event Callback URL: TaskRouter reports what happened; the answer is an empty 204 at once. */
@Path("/events")
public class EventCallbackResource {

    /** Twilio's header for "this is the same delivery again". */
    static final String IDEMPOTENCY_TOKEN = "I-Twilio-Idempotency-Token";

    private final CallbackSignatureVerifier signatures;
    private final EventFeed feed;
    private final FeedMetrics feedMetrics;

    public EventCallbackResource(CallbackSignatureVerifier signatures, EventFeed feed, FeedMetrics feedMetrics) {
        this.signatures = signatures;
        this.feed = feed;
        this.feedMetrics = feedMetrics;
    }

    @POST
    @CountedCallback
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @NonBlocking
    @Operation(summary = "Receive a TaskRouter event")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", description = "EventType is missing or the form is malformed")
    @APIResponse(responseCode = "403", description = "X-Twilio-Signature is missing or wrong")
    public Uni<RestResponse<Void>> receive(String body, HttpServerRequest request) {
        CallbackForm form = CallbackForm.read(request, body);
        signatures.verify(request, form.params());
        // 204 once the event is kept: TaskRouter retries what it is not answered
        return feed.record(event(form, Instant.now()), deliveryKey(form, request.getHeader(IDEMPOTENCY_TOKEN)))
                .map(recorded -> {
                    if (!recorded) {
                        feedMetrics.duplicateDropped();
                    }
                    return RestResponse.noContent();
                });
    }

    /**
     * What two deliveries of one event share: the event's own Sid, which a redelivery repeats and TaskRouter's
     * event log lists (so a catch-up from it meets the same key); otherwise Twilio's idempotency token; otherwise
     * EventType, ResourceSid and the timestamp. Null when none is there, and the event is kept whatever.
     */
    static String deliveryKey(CallbackForm form, String idempotencyToken) {
        String sid = form.first("Sid");
        if (sid != null && !sid.isBlank()) {
            return "sid:" + sid;
        }
        if (idempotencyToken != null && !idempotencyToken.isBlank()) {
            return "token:" + idempotencyToken;
        }
        String timestamp = form.first("TimestampMs") != null ? form.first("TimestampMs") : form.first("Timestamp");
        String resource = form.first("ResourceSid");
        return timestamp == null || resource == null ? null
                : "event:" + form.required("EventType") + ":" + resource + ":" + timestamp;
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
