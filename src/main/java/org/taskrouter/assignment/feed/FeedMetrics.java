package org.taskrouter.assignment.feed;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the feed does with TaskRouter's deliveries, for an operator: repeats dropped
 * ({@code events_duplicates_dropped_total}) and events found only in TaskRouter's event log
 * ({@code events_caught_up_total}). The open streams are {@link EventStreamRoute}'s gauge.
 */
@Singleton
public class FeedMetrics {

    private final Counter duplicatesDropped;
    private final Counter caughtUp;

    FeedMetrics(MeterRegistry registry) {
        this.duplicatesDropped = Counter.builder("events.duplicates.dropped")
                .description("Event callbacks dropped as a delivery already recorded: TaskRouter's retry, or one "
                        + "event posted to two replicas")
                .register(registry);
        this.caughtUp = Counter.builder("events.caught.up")
                .description("Events the feed had missed and took from TaskRouter's event log")
                .register(registry);
    }

    /** An event callback was a repeat of one recorded before. */
    public void duplicateDropped() {
        duplicatesDropped.increment();
    }

    void caughtUp(int events) {
        caughtUp.increment(events);
    }
}
