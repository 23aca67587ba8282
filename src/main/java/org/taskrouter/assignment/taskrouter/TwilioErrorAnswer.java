package org.taskrouter.assignment.taskrouter;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Twilio's error answer: {@code {"code":20404,"message":"…","more_info":"…","status":404}}. */
// Read by TaskRouterException's own ObjectMapper, outside the REST client's typed answers.
@RegisterForReflection
public record TwilioErrorAnswer(Integer code, String message, String moreInfo, Integer status) {
}
