package org.taskrouter.assignment.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The last events in memory, newest first, and the listeners that get each one as it is appended: the whole of
 * {@link InMemoryEventFeed}, and {@link RedisEventFeed}'s copy of the shared stream. Bounded, so that a flood of
 * events cannot grow the heap. Listeners are called in order, under the ring's lock.
 */
final class EventRing {

    private final int capacity;
    private final Deque<TaskRouterEvent> events;
    private final List<Consumer<TaskRouterEvent>> listeners = new CopyOnWriteArrayList<>();

    EventRing(int capacity) {
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
    }

    /** Appends an event that has its id, and hands it to every listener. */
    void append(TaskRouterEvent event) {
        synchronized (events) {
            if (events.size() == capacity) {
                events.removeLast();
            }
            events.addFirst(event);
            for (Consumer<TaskRouterEvent> listener : listeners) {
                listener.accept(event);
            }
        }
    }

    List<TaskRouterEvent> recent(int limit) {
        synchronized (events) {
            List<TaskRouterEvent> copy = new ArrayList<>(Math.min(limit, events.size()));
            for (TaskRouterEvent event : events) {
                if (copy.size() == limit) {
                    break;
                }
                copy.add(event);
            }
            return copy;
        }
    }

    /** The newest event's id, if any. */
    Optional<String> newestId() {
        synchronized (events) {
            return events.isEmpty() ? Optional.empty() : Optional.of(events.peekFirst().id());
        }
    }

    /**
     * Registers the listener and answers what was appended after {@code lastEventId}, atomically. With
     * {@code ordered} ids (Redis stream ids, the same on every replica), "after" means greater, so an id this
     * ring has not held yet gives nothing; otherwise it means appended after the event with that id, and an
     * unknown id gives everything held.
     */
    EventFeed.Subscription subscribe(Optional<String> lastEventId, boolean ordered,
            Consumer<TaskRouterEvent> listener) {
        synchronized (events) {
            List<TaskRouterEvent> missed = lastEventId.map(id -> ordered ? greaterThan(id) : appendedAfter(id))
                    .orElse(List.of());
            listeners.add(listener);
            return new EventFeed.Subscription() {
                @Override
                public List<TaskRouterEvent> missed() {
                    return missed;
                }

                @Override
                public void close() {
                    listeners.remove(listener);
                }
            };
        }
    }

    private List<TaskRouterEvent> appendedAfter(String id) {
        List<TaskRouterEvent> newerFirst = new ArrayList<>();
        for (TaskRouterEvent event : events) {
            if (event.id().equals(id)) {
                break;
            }
            newerFirst.add(event);
        }
        Collections.reverse(newerFirst);
        return newerFirst;
    }

    private List<TaskRouterEvent> greaterThan(String id) {
        List<TaskRouterEvent> newerFirst = new ArrayList<>();
        for (TaskRouterEvent event : events) {
            if (StreamIds.compare(event.id(), id) <= 0) {
                break;
            }
            newerFirst.add(event);
        }
        Collections.reverse(newerFirst);
        return newerFirst;
    }
}
