package org.taskrouter.assignment.callback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.inject.Singleton;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The most recent TaskRouter events, in memory only: TaskRouter stays the source of truth, so a replica that
 * restarts just starts a new feed. Bounded, so that a flood of events cannot grow the heap.
 */
@Singleton
public class EventFeed {

    static final int CAPACITY = 500;

    private final Deque<TaskRouterEvent> recent = new ArrayDeque<>(CAPACITY);
    private final BroadcastProcessor<TaskRouterEvent> live = BroadcastProcessor.create();

    /** Records an event and hands it to live subscribers. */
    public void add(TaskRouterEvent event) {
        synchronized (recent) {
            if (recent.size() == CAPACITY) {
                recent.removeLast();
            }
            recent.addFirst(event);
            // under the same lock: a processor must never be fed from two threads at once
            live.onNext(event);
        }
    }

    /** Up to {@code limit} events, newest first. */
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

    /** Events as they arrive, for server-sent events. */
    public Multi<TaskRouterEvent> live() {
        return live;
    }
}
