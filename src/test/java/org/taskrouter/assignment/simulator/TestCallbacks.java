package org.taskrouter.assignment.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.taskrouter.assignment.signature.TwilioSignature;

/**
 * Stands in for the service's callback endpoints in the simulator's tests: records every callback, checks its
 * signature over the public URL, and answers assignment callbacks with whatever the test set.
 */
@Path("/test-callbacks")
public class TestCallbacks {

    private static final TwilioSignature SIGNATURE = new TwilioSignature(SimulatorTestProfile.AUTH_TOKEN);
    private static final ConcurrentLinkedQueue<ReceivedCallback> RECEIVED = new ConcurrentLinkedQueue<>();
    private static volatile int status = 200;
    private static volatile String answer = "{}";
    private static volatile String fallbackAnswer = "{\"instruction\":\"accept\"}";

    /** Forgets what was received; assignment callbacks are answered {@code {}} again. */
    static void reset() {
        RECEIVED.clear();
        status = 200;
        answer = "{}";
        fallbackAnswer = "{\"instruction\":\"accept\"}";
    }

    /** Answers assignment callbacks with {@code httpStatus} and {@code body}. */
    static void answerWith(int httpStatus, String body) {
        status = httpStatus;
        answer = body;
    }

    /** Callbacks received so far at {@code endpoint} that satisfy {@code filter}. */
    static List<ReceivedCallback> received(String endpoint, Predicate<ReceivedCallback> filter) {
        List<ReceivedCallback> result = new ArrayList<>();
        for (ReceivedCallback callback : RECEIVED) {
            if (callback.endpoint().equals(endpoint) && filter.test(callback)) {
                result.add(callback);
            }
        }
        return result;
    }

    /** Events received so far of {@code type} about {@code taskSid}. */
    static List<ReceivedCallback> events(String type, String taskSid) {
        return received("events", c -> type.equals(c.get("EventType")) && taskSid.equals(c.get("TaskSid")));
    }

    /** Assignment callbacks received so far about {@code taskSid}. */
    static List<ReceivedCallback> assignments(String taskSid) {
        return received("assignment", c -> taskSid.equals(c.get("TaskSid")));
    }

    @POST
    @Path("/assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignment(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) {
        record("assignment", SimulatorTestProfile.ASSIGNMENT_URL, signature, form);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(answer).build();
    }

    @POST
    @Path("/fallback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fallback(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) {
        record("fallback", SimulatorTestProfile.FALLBACK_URL, signature, form);
        return Response.ok(fallbackAnswer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response events(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) {
        record("events", SimulatorTestProfile.EVENTS_URL, signature, form);
        return Response.noContent().build();
    }

    private static void record(String endpoint, String publicUrl, String signature, MultivaluedMap<String, String> form) {
        Map<String, String> params = new LinkedHashMap<>();
        form.forEach((name, values) -> params.put(name, values.get(0)));
        boolean valid = SIGNATURE.matches(signature, publicUrl, form);
        RECEIVED.add(new ReceivedCallback(endpoint, params, signature, valid));
    }
}
