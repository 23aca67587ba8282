package org.taskrouter.assignment.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every error this service answers: {@code {"status":409,"error":"…","twilioCode":20001}}. */
// Written from @ServerExceptionMappers and a Vert.x route, never a resource method's return type, so Quarkus
// cannot see that Jackson needs its accessors in the native executable.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int status, String error, Integer twilioCode) {

    public ErrorBody(int status, String error) {
        this(status, error, null);
    }
}
