package org.taskrouter.assignment.feed;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.smallrye.mutiny.Uni;

/**
 * What this service has seen of TaskRouter lately: the events posted to {@code /events} and the assignment
 * callbacks, in the order they arrived. A view, never the source of truth (TaskRouter is). The stream and
 * {@code GET /api/events} depend only on this interface: {@link InMemoryEventFeed} without {@code REDIS_URL},
 * {@link RedisEventFeed}, shared by every replica, with it.
 */
public interface EventFeed {

    /**
     * Records {@code event} unless a delivery with the same {@code deliveryKey} was recorded before, and hands it
     * to every listener. Completes once the event is kept; never fails: a feed that cannot reach its store keeps
     * the event in this replica's memory.
     *
     * @param deliveryKey what is the same for two deliveries of one event (TaskRouter's retry, two replicas); null
     *        when there is nothing to compare
     * @return true when recorded, false when it was a repeat
     */
    Uni<Boolean> record(TaskRouterEvent event, String deliveryKey);

    /** Up to {@code limit} events, newest first. */
    Uni<List<TaskRouterEvent>> recent(int limit);

    /**
     * Registers {@code listener} for every event added from now on, and answers, atomically with that, the
     * events added after {@code lastEventId} (oldest first): nothing is missed between the two, and nothing is
     * given twice. An unknown or expired id gives every event the feed still holds. Listeners are called on the
     * thread that adds and must only hand the event on.
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
