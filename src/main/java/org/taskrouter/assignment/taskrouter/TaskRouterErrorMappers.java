package org.taskrouter.assignment.taskrouter;

import static org.taskrouter.assignment.error.ErrorMappers.answer;

import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.taskrouter.assignment.error.ErrorBody;

/**
 * TaskRouter's failures as answers to the operator: unavailable (503, with TaskRouter's {@code Retry-After}), an
 * answer that could not be read (502), and its refusals translated by {@link #taskRouterRefusal}.
 */
public class TaskRouterErrorMappers {

    private static final Logger LOG = Logger.getLogger(TaskRouterErrorMappers.class);

    /** Twilio's words for "the Reservation or Task is not in a state that allows this". */
    private static final Pattern STATE_CONFLICT = Pattern.compile(
            "is not pending|cannot be (accepted|rejected|completed|canceled|cancelled|wrapped|updated)"
                    + "|assignment status is|already (accepted|rejected|completed|canceled|cancelled)|no longer pending",
            Pattern.CASE_INSENSITIVE);

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unavailable(TaskRouterUnavailableException e) {
        LOG.warn(e.getMessage());
        RestResponse.ResponseBuilder<ErrorBody> response = RestResponse.ResponseBuilder
                .create(RestResponse.Status.SERVICE_UNAVAILABLE, new ErrorBody(503, e.getMessage()))
                .type(MediaType.APPLICATION_JSON_TYPE);
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds())));
        return response.build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unreadableAnswer(TaskRouterUnreadableAnswerException e) {
        LOG.warn(e.getMessage());
        return answer(502, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> taskRouterRefused(TaskRouterException e) {
        return taskRouterRefusal(e, "");
    }

    /**
     * The answer for a TaskRouter refusal: its own 404 stays a 404, a refused state change is a 409, a refused
     * field a 422, refused credentials a 502 (the operator did nothing wrong), anything else a 502.
     */
    public static RestResponse<ErrorBody> taskRouterRefusal(TaskRouterException e, String context) {
        Integer code = e.twilioCode().orElse(null);
        String twilioWords = e.twilioMessage().orElse("HTTP " + e.httpStatus());
        int status = e.httpStatus();
        if (status == 404) {
            return answer(404, context + "TaskRouter has no such resource: " + twilioWords, code);
        }
        if (status == 401 || status == 403) {
            LOG.errorf("TaskRouter rejected our credentials (HTTP %d, Twilio code %s)", status, code);
            return answer(502, context + "TaskRouter rejected this service's credentials: check TWILIO_ACCOUNT_SID"
                    + " and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET)", code);
        }
        if (status == 409 || status == 412 || (status == 400 && STATE_CONFLICT.matcher(twilioWords).find())) {
            return answer(409, context + "TaskRouter refused, the resource is no longer in a state that allows it: "
                    + twilioWords, code);
        }
        if (status == 400 || status == 422) {
            return answer(422, context + "TaskRouter refused a field: " + twilioWords, code);
        }
        LOG.warnf("TaskRouter answered HTTP %d (Twilio code %s)", status, code);
        return answer(502, context + "TaskRouter failed: " + twilioWords, code);
    }
}
