package org.taskrouter.assignment.taskrouter;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

/** TaskRouter answered with an error status; carries its error JSON when it sent one. */
public final class TaskRouterException extends RuntimeException {

    private static final ObjectMapper ERROR_READER = TaskRouterJsonReading.configure(new ObjectMapper());

    private final int httpStatus;
    private final TwilioErrorAnswer error;
    private final Duration retryAfter;

    public TaskRouterException(int httpStatus, TwilioErrorAnswer error, Duration retryAfter) {
        super("TaskRouter answered " + httpStatus
                + (error != null && error.message() != null ? ": " + error.message() : ""), null, false, false);
        this.httpStatus = httpStatus;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    static TaskRouterException from(Response response) {
        TwilioErrorAnswer error = null;
        try {
            String body = response.readEntity(String.class);
            if (body != null && !body.isBlank()) {
                error = ERROR_READER.readValue(body, TwilioErrorAnswer.class);
            }
        } catch (RuntimeException | java.io.IOException notTwilioJson) {
            // A proxy's HTML error page or an empty body: the status alone has to do.
        }
        return new TaskRouterException(response.getStatus(), error,
                parseRetryAfter(response.getHeaderString("Retry-After")));
    }

    /** Retry-After in seconds; the HTTP-date form is not used by Twilio and is ignored. */
    static Duration parseRetryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The HTTP status TaskRouter answered with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Twilio's error code (e.g. 20404), when it sent one. */
    public Optional<Integer> twilioCode() {
        return Optional.ofNullable(error).map(TwilioErrorAnswer::code);
    }

    /** Twilio's own words, when it sent them. */
    public Optional<String> twilioMessage() {
        return Optional.ofNullable(error).map(TwilioErrorAnswer::message);
    }

    /** How long TaskRouter asked us to wait, when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429 and 503 mean the request was not processed: safe to send again, whatever it was. */
    public boolean isRetryable() {
        return httpStatus == 429 || httpStatus == 503;
    }
}
