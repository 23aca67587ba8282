package org.taskrouter.assignment.taskrouter;

/** Twilio's error answer: {@code {"code":20404,"message":"…","more_info":"…","status":404}}. */
public record TwilioError(Integer code, String message, String moreInfo, Integer status) {
}
