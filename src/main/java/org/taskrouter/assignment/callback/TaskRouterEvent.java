package org.taskrouter.assignment.callback;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One event TaskRouter posted to the Event Callback URL, as the operator API and the console show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRouterEvent(
        String sid,
        String eventType,
        String description,
        String resourceType,
        String resourceSid,
        String taskSid,
        String taskAssignmentStatus,
        String reservationSid,
        String workerSid,
        String workerActivityName,
        String timestamp,
        Instant receivedAt) {

    /** The event a callback form describes; {@code EventType} is the one required parameter. */
    static TaskRouterEvent from(CallbackForm form, Instant receivedAt) {
        return new TaskRouterEvent(
                form.first("Sid"),
                form.required("EventType"),
                form.first("EventDescription"),
                form.first("ResourceType"),
                form.first("ResourceSid"),
                form.first("TaskSid"),
                form.first("TaskAssignmentStatus"),
                form.first("ReservationSid"),
                form.first("WorkerSid"),
                form.first("WorkerActivityName"),
                form.first("Timestamp"),
                receivedAt);
    }
}
