package org.taskrouter.assignment.feed;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One item of the event feed, as {@code GET /api/events} and the stream show it: an event TaskRouter posted to the
 * Event Callback URL, or an assignment callback and the answer it got ({@link #ASSIGNMENT_CALLBACK}).
 *
 * @param id the feed's id for it, increasing; the stream's {@code id:} and {@code Last-Event-ID}; null until added
 * @param reason why a Task ended, as its canceler or completer gave it ({@code TaskCanceledReason} or
 *        {@code TaskCompletedReason}): the console tells an agent why a Reservation went away
 */
// read back from the Redis Stream by RedisEventFeed, which Quarkus cannot see as a REST body
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRouterEvent(
        String id,
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
        String reason,
        String timestamp,
        Instant receivedAt) {

    /** The {@link #eventType} of an assignment callback: TaskRouter has no event of its own for it. */
    public static final String ASSIGNMENT_CALLBACK = "assignment.callback";

    /** This event with the feed's id. */
    TaskRouterEvent withId(String feedId) {
        return new TaskRouterEvent(feedId, sid, eventType, description, resourceType, resourceSid, taskSid,
                taskAssignmentStatus, reservationSid, workerSid, workerActivityName, reason, timestamp, receivedAt);
    }
}
