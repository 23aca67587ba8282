package org.taskrouter.assignment.feed;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What this service has seen of TaskRouter lately: the events posted to {@code /events} and the assignment
 * callbacks, in the order they arrived. A view, never the source of truth (TaskRouter is). The stream and
 * {@code GET /api/events} depend only on this interface, so that a feed shared by replicas can replace the
 * in-memory one.
 */
public interface EventFeed {

    /** Records {@code event}, hands it to every listener, and answers it with its feed id. */
    TaskRouterEvent add(TaskRouterEvent event);

    /** Up to {@code limit} events, newest first. */
    List<TaskRouterEvent> recent(int limit);

    /**
     * Registers {@code listener} for every event added from now on, and answers, atomically with that, the
     * events added after {@code lastEventId} (oldest first): nothing is missed between the two, and nothing is
     * given twice. An unknown or expired id gives every event the feed still holds.
     */
    Subscription subscribe(Optional<String> lastEventId, Consumer<TaskRouterEvent> listener);

    /** A listener's registration. */
    interface Subscription extends AutoCloseable {

        /** The events added after the {@code lastEventId} the subscription was made with, oldest first. */
        List<TaskRouterEvent> missed();

        /** Stops the listener; idempotent. */
        @Override
        void close();
    }
}
