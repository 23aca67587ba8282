package org.taskrouter.assignment.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.smallrye.mutiny.Uni;

/** The feed in this replica's memory, without {@code REDIS_URL}: a replica that restarts starts a new one. */
public class InMemoryEventFeed implements EventFeed {

    static final int CAPACITY = 500;

    private final EventRing ring = new EventRing(CAPACITY);
    private final RecentDeliveries deliveries;
    private long lastId;

    InMemoryEventFeed(FeedConfig config) {
        this.deliveries = new RecentDeliveries(config.deliveriesRemembered(), config.repeatWindow());
    }

    @Override
    public Uni<Boolean> record(TaskRouterEvent event, String deliveryKey) {
        if (deliveryKey != null && !deliveries.firstTime(deliveryKey, Instant.now())) {
            return Uni.createFrom().item(false);
        }
        synchronized (ring) {
            ring.append(event.withId(Long.toString(++lastId)));
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<List<TaskRouterEvent>> recent(int limit) {
        return Uni.createFrom().item(ring.recent(limit));
    }

    @Override
    public Subscription subscribe(Optional<String> lastEventId, Consumer<TaskRouterEvent> listener) {
        return ring.subscribe(lastEventId, false, listener);
    }
}
