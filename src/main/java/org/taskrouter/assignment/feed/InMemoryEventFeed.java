package org.taskrouter.assignment.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The feed in this replica's memory: a replica that restarts starts a new one. Bounded, so that a flood of events
 * cannot grow the heap. Listeners are called in order, under the feed's lock, on the thread that adds: they must
 * only hand the event on.
 */
@Singleton
@DefaultBean
public class InMemoryEventFeed implements EventFeed {

    static final int CAPACITY = 500;

    private final Deque<TaskRouterEvent> recent = new ArrayDeque<>(CAPACITY);
    private final List<Consumer<TaskRouterEvent>> listeners = new CopyOnWriteArrayList<>();
    private long lastId;

    @Override
    public TaskRouterEvent add(TaskRouterEvent event) {
        synchronized (recent) {
            TaskRouterEvent numbered = event.withId(Long.toString(++lastId));
            if (recent.size() == CAPACITY) {
                recent.removeLast();
            }
            recent.addFirst(numbered);
            for (Consumer<TaskRouterEvent> listener : listeners) {
                listener.accept(numbered);
            }
            return numbered;
        }
    }

    @Override
    public List<TaskRouterEvent> recent(int limit) {
        synchronized (recent) {
            List<TaskRouterEvent> copy = new ArrayList<>(Math.min(limit, recent.size()));
            for (TaskRouterEvent event : recent) {
                if (copy.size() == limit) {
                    break;
                }
                copy.add(event);
            }
            return copy;
        }
    }

    @Override
    public Subscription subscribe(Optional<String> lastEventId, Consumer<TaskRouterEvent> listener) {
        synchronized (recent) {
            List<TaskRouterEvent> missed = lastEventId.map(this::after).orElse(List.of());
            listeners.add(listener);
            return new Subscription() {
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

    /** Held by the caller: the events after {@code id}, oldest first; all of them when the id is not held. */
    private List<TaskRouterEvent> after(String id) {
        List<TaskRouterEvent> newerFirst = new ArrayList<>();
        for (TaskRouterEvent event : recent) {
            if (event.id().equals(id)) {
                break;
            }
            newerFirst.add(event);
        }
        Collections.reverse(newerFirst);
        return newerFirst;
    }
}
