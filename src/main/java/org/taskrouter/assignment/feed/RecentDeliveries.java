package org.taskrouter.assignment.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The delivery keys seen lately in this replica, each for a window: what makes a second delivery of one event a
 * repeat. Bounded: past {@code capacity} keys the oldest are forgotten, so a flood cannot grow the heap.
 */
final class RecentDeliveries {

    private final int capacity;
    private final Duration window;
    /** Key → when it was first seen, oldest first. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    RecentDeliveries(int capacity, Duration window) {
        this.capacity = capacity;
        this.window = window;
    }

    /** True the first time {@code key} is offered within the window; false for a repeat. */
    synchronized boolean firstTime(String key, Instant now) {
        Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> entry = oldest.next();
            if (seen.size() < capacity && entry.getValue().plus(window).isAfter(now)) {
                break;
            }
            oldest.remove();
        }
        return seen.putIfAbsent(key, now) == null;
    }
}
