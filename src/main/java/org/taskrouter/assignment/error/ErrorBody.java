package org.taskrouter.assignment.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error this service answers: {@code {"status":409,"error":"…","twilioCode":20001}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int status, String error, Integer twilioCode) {

    public ErrorBody(int status, String error) {
        this(status, error, null);
    }
}
