package org.taskrouter.assignment.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of every error TaskRouter answers: {@code {"code":20404,"message":…,"more_info":…,"status":404}}.
 *
 * @param code Twilio's error code
 * @param message what went wrong, in words
 * @param moreInfo the documentation page of the code
 * @param status the HTTP status
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TwilioErrorBody(
        @JsonProperty("code") int code,
        @JsonProperty("message") String message,
        @JsonProperty("more_info") String moreInfo,
        @JsonProperty("status") int status) {

    /** An error with the documentation link Twilio gives for {@code code}. */
    public static TwilioErrorBody of(int status, int code, String message) {
        return new TwilioErrorBody(code, message, "https://www.twilio.com/docs/errors/" + code, status);
    }
}
