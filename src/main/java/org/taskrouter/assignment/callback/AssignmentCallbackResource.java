package org.taskrouter.assignment.callback;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.taskrouter.assignment.feed.EventFeed;
import org.taskrouter.assignment.feed.TaskRouterEvent;
import org.taskrouter.assignment.logging.SidFields;
import org.taskrouter.assignment.signature.CallbackSignatureVerifier;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;

/** TaskRouter's Assignment Callback URL: a Worker was reserved for a Task, what now? */
@Path("/assignment_callback")
public class AssignmentCallbackResource {

    private static final Logger LOG = Logger.getLogger(AssignmentCallbackResource.class);

    private final CallbackSignatureVerifier signatures;
    private final AttributesReader attributes;
    private final AssignmentPolicy policy;
    private final EventFeed feed;

    public AssignmentCallbackResource(CallbackSignatureVerifier signatures, AttributesReader attributes,
            AssignmentPolicy policy, EventFeed feed) {
        this.signatures = signatures;
        this.attributes = attributes;
        this.policy = policy;
        this.feed = feed;
    }

    @POST
    @CountedCallback
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(summary = "Answer a TaskRouter assignment callback with an instruction, or {} to decide later")
    @APIResponse(responseCode = "200", description = "The instruction for TaskRouter")
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed")
    @APIResponse(responseCode = "403", description = "X-Twilio-Signature is missing or wrong")
    public Instruction assign(String body, HttpServerRequest request) {
        CallbackForm form = CallbackForm.read(request, body);
        signatures.verify(request, form.params());
        AssignmentCallback callback = AssignmentCallback.from(form, attributes);
        Instruction answer = policy.decide(callback);
        // never delays the answer: the feed keeps the event whatever happens to its store
        feed.record(event(callback, answer), null).subscribe().with(recorded -> {
        }, failure -> LOG.debugf("The feed did not take an assignment callback: %s", failure.getMessage()));
        if (LOG.isDebugEnabled()) {
            // signed by TaskRouter, so its SIDs are fit to be fields; nothing of it is touched with the level off
            SidFields.around(callback.taskSid(), callback.reservationSid(), callback.workerSid(), () -> LOG.debugf(
                    "Assignment callback: Task %s reserved for Worker %s (Reservation %s), answered %s",
                    callback.taskSid(), callback.workerSid(), callback.reservationSid(), answer.text()));
        }
        return answer;
    }

    /** The callback as the console shows it: TaskRouter reports no event of its own for it. */
    private static TaskRouterEvent event(AssignmentCallback callback, Instruction answer) {
        return new TaskRouterEvent(null, null, TaskRouterEvent.ASSIGNMENT_CALLBACK,
                "Assignment callback: Task " + callback.taskSid() + " reserved for Worker " + callback.workerSid()
                        + ", answered " + answer.text(),
                "reservation", callback.reservationSid(), callback.taskSid(), "reserved", callback.reservationSid(),
                callback.workerSid(), null, null, callback.timestamp(), Instant.now());
    }
}
