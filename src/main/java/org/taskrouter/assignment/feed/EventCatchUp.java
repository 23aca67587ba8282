package org.taskrouter.assignment.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.taskrouter.WorkspaceEvent;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Fills the feed from TaskRouter's own event log ({@code GET /Events}, kept 30 days) with what it missed: at
 * start-up the last {@code feed.catch-up} (a replica that restarts has missed its downtime), and when Redis
 * answers again everything since it went away. Each event is recorded under the same delivery key as its callback
 * ({@code sid:<EV…>}), so what the feed already has is not added twice.
 */
@Singleton
public class EventCatchUp {

    private static final Logger LOG = Logger.getLogger(EventCatchUp.class);
    /** After start-up, so that the HTTP server (and in dev mode the embedded TaskRouter) answers. */
    private static final long START_DELAY_MS = 1_000;
    /** Events are posted and logged at about the same time: a margin so that none falls between the two. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final TaskRouterClient taskRouter;
    private final EventFeed feed;
    private final FeedConfig config;
    private final Vertx vertx;
    private final FeedMetrics metrics;

    EventCatchUp(TaskRouterClient taskRouter, EventFeed feed, FeedConfig config, Vertx vertx, FeedMetrics metrics) {
        this.taskRouter = taskRouter;
        this.feed = feed;
        this.config = config;
        this.vertx = vertx;
        this.metrics = metrics;
    }

    void atStartUp(@Observes StartupEvent startup) {
        Duration window = config.catchUp();
        if (!window.isZero() && !window.isNegative()) {
            vertx.setTimer(START_DELAY_MS, ignored -> catchUp(Instant.now().minus(window)).subscribe().with(added -> {
            }));
        }
    }

    void whenRedisReturns(@Observes FeedResumed resumed) {
        catchUp(resumed.downSince().minus(MARGIN)).subscribe().with(added -> {
        });
    }

    /**
     * Records what TaskRouter logged since {@code since} and the feed does not hold yet, oldest first; answers how
     * many were added: 0 when TaskRouter cannot be asked (not configured, unreachable), which is logged in words.
     */
    public Uni<Integer> catchUp(Instant since) {
        Uni<List<WorkspaceEvent>> logged;
        try {
            logged = taskRouter.listEvents(since);
        } catch (RuntimeException notConfigured) {
            LOG.infof("No catch-up from TaskRouter's event log: %s", notConfigured.getMessage());
            return Uni.createFrom().item(0);
        }
        return logged.onItem().transformToMulti(events -> Multi.createFrom().iterable(events.stream()
                        .sorted(Comparator.comparing(WorkspaceEvent::eventDateMs,
                                Comparator.nullsFirst(Comparator.naturalOrder())))
                        .toList()))
                .onItem().transformToUniAndConcatenate(event -> feed.record(asFeedEvent(event), "sid:" + event.sid()))
                .filter(Boolean::booleanValue)
                .collect().asList()
                .map(List::size)
                .invoke(metrics::caughtUp)
                .invoke(added -> LOG.infof("Caught up from TaskRouter's event log since %s: %d event(s) the feed had "
                        + "missed", since, added))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("No catch-up from TaskRouter's event log since %s: %s", since, failure.getMessage());
                    return 0;
                });
    }

    static TaskRouterEvent asFeedEvent(WorkspaceEvent logged) {
        String canceled = logged.data("task_canceled_reason");
        String reason = canceled != null ? canceled : logged.data("task_completed_reason");
        String timestamp = logged.eventDateMs() == null ? null : Long.toString(logged.eventDateMs() / 1000);
        return new TaskRouterEvent(null, logged.sid(), logged.eventType(), logged.description(), logged.resourceType(),
                logged.resourceSid(), logged.data("task_sid"), logged.data("task_assignment_status"),
                logged.data("reservation_sid"), logged.data("worker_sid"), logged.data("worker_activity_name"), reason,
                timestamp, Instant.now());
    }
}
