package org.taskrouter.assignment.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;
import org.taskrouter.assignment.redis.SharedRedis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * The feed every replica shares, on a Redis Stream: {@link #record} appends with {@code XADD} (trimmed to about
 * {@code feed.stream-length}); each replica follows the stream with {@code XREAD BLOCK} into its own
 * {@link EventRing}, which its stream clients read. The SSE id is the entry's id, the same on every replica, so a
 * console that reconnects to another one with {@code Last-Event-ID} gets exactly what it missed.
 * <p>
 * Redis down, nothing is refused and nothing accepted is lost: events go to this replica's ring (its clients still
 * get them) and wait there; the follower retries every second, and when Redis answers again they are written to
 * the stream for the other replicas. One warning when it goes, one line when it is back, and the readiness check
 * {@code redis} says which.
 */
public class RedisEventFeed implements EventFeed {

    private static final Logger LOG = Logger.getLogger(RedisEventFeed.class);
    private static final int RING = InMemoryEventFeed.CAPACITY;
    private static final int UNSENT_LIMIT = 10_000;
    private static final long RETRY_MS = 1_000;
    /** How long the follower's XREAD waits on the server for new entries. */
    private static final long FOLLOW_BLOCK_MS = 2_000;
    /** Sequence numbers of the ids given while Redis is down: far above what Redis gives within a millisecond. */
    private static final long LOCAL_SEQUENCE_BASE = 1_000_000_000L;

    private final FeedConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final RedisAPI redis;
    private final String address;
    /** This process among the replicas: marks what it wrote after an outage, so its follower skips it. */
    private final String origin = UUID.randomUUID().toString();
    private final EventRing ring = new EventRing(RING);
    private final RecentDeliveries localDeliveries;
    /** Events recorded while Redis was down, oldest first, with their local ids. */
    private final Deque<TaskRouterEvent> unsent = new ArrayDeque<>();
    private volatile boolean up = true;
    private volatile String lastFailure = "";
    private volatile Instant downSince = Instant.now();
    private final Event<FeedResumed> resumed;
    private volatile boolean closed;
    /** The id of the last entry the follower read; only touched by the follower. */
    private String lastSeen = "0";
    private long localSequence;

    RedisEventFeed(FeedConfig config, ObjectMapper json, Vertx vertx, SharedRedis shared, Event<FeedResumed> resumed) {
        this.resumed = resumed;
        this.config = config;
        this.json = json;
        this.vertx = vertx;
        this.redis = shared.api().orElseThrow();
        this.address = shared.address();
        this.localDeliveries = new RecentDeliveries(config.deliveriesRemembered(), config.repeatWindow());
    }

    /** Loads what the stream holds, then follows it. */
    void start() {
        LOG.infof("The event feed is shared on Redis at %s, stream %s", address, config.streamKey());
        load();
    }

    void close() {
        closed = true;
    }

    @Override
    public Uni<Boolean> record(TaskRouterEvent event, String deliveryKey) {
        if (!up) {
            return Uni.createFrom().item(() -> deliveryKey == null || localDeliveries.firstTime(deliveryKey, Instant.now()))
                    .invoke(fresh -> {
                        if (fresh) {
                            keepLocally(event);
                        }
                    });
        }
        Uni<Boolean> fresh = deliveryKey == null ? Uni.createFrom().item(true)
                : redis.set(List.of(config.streamKey() + ":delivered:" + deliveryKey, "1", "NX", "PX",
                        Long.toString(config.repeatWindow().toMillis())))
                        // SET NX answers OK when the key was new, nothing when it existed
                        .map(answer -> answer != null);
        return fresh.flatMap(first -> first ? append(event, null).replaceWith(true) : Uni.createFrom().item(false))
                // a Redis that holds the connection open and answers nothing (a stalled host) is down too
                .ifNoItem().after(config.redisTimeout())
                .failWith(() -> new TimeoutException("no answer within " + config.redisTimeout().toMillis() + " ms"))
                .onFailure().recoverWithItem(failure -> {
                    wentDown(failure);
                    boolean first = deliveryKey == null || localDeliveries.firstTime(deliveryKey, Instant.now());
                    if (first) {
                        keepLocally(event);
                    }
                    return first;
                });
    }

    @Override
    public Uni<List<TaskRouterEvent>> recent(int limit) {
        if (!up) {
            return Uni.createFrom().item(ring.recent(limit));
        }
        return redis.xrevrange(List.of(config.streamKey(), "+", "-", "COUNT", Integer.toString(limit)))
                .map(entries -> {
                    List<TaskRouterEvent> events = new ArrayList<>();
                    for (Response entry : entries) {
                        decode(entry).ifPresent(events::add);
                    }
                    return events;
                })
                .onFailure().recoverWithItem(failure -> {
                    wentDown(failure);
                    return ring.recent(limit);
                });
    }

    @Override
    public Subscription subscribe(Optional<String> lastEventId, Consumer<TaskRouterEvent> listener) {
        Optional<String> after = lastEventId.filter(StreamIds::valid);
        if (after.isEmpty()) {
            return ring.subscribe(lastEventId, false, listener);
        }
        // another replica may have shown the client an entry this one's follower has not read yet: skip it here
        String seen = after.get();
        return ring.subscribe(after, true, event -> {
            if (StreamIds.compare(event.id(), seen) > 0) {
                listener.accept(event);
            }
        });
    }

    /** The readiness check {@code redis}. */
    HealthCheckResponse health() {
        return HealthCheckResponse.named("redis")
                .status(up)
                .withData("address", address)
                .withData("feed", up ? "shared on Redis" : "in this replica's memory until Redis answers: " + lastFailure)
                .build();
    }

    // -----------------------------------------------------------------------------------------------------------

    private Uni<Response> append(TaskRouterEvent event, String localId) {
        List<String> command = new ArrayList<>(List.of(config.streamKey(), "MAXLEN", "~",
                Integer.toString(config.streamLength()), "*", "event", encode(event)));
        if (localId != null) {
            command.add("origin");
            command.add(origin + " " + localId);
        }
        return redis.xadd(command);
    }

    private void keepLocally(TaskRouterEvent event) {
        synchronized (unsent) {
            String newest = ring.newestId().filter(StreamIds::valid).orElse("0-0");
            long millis = Math.max(System.currentTimeMillis(), Long.parseLong(newest.substring(0, newest.indexOf('-'))));
            TaskRouterEvent local = event.withId(millis + "-" + (LOCAL_SEQUENCE_BASE + ++localSequence));
            if (unsent.size() == UNSENT_LIMIT) {
                unsent.removeFirst();
            }
            unsent.addLast(local);
            ring.append(local);
        }
    }

    private void load() {
        redis.xrevrange(List.of(config.streamKey(), "+", "-", "COUNT", Integer.toString(RING)))
                .subscribe().with(entries -> {
                    List<TaskRouterEvent> newestFirst = new ArrayList<>();
                    for (Response entry : entries) {
                        decode(entry).ifPresent(newestFirst::add);
                    }
                    for (int i = newestFirst.size() - 1; i >= 0; i--) {
                        ring.append(newestFirst.get(i));
                    }
                    if (!newestFirst.isEmpty()) {
                        lastSeen = newestFirst.get(0).id();
                    }
                    cameBack();
                    follow();
                }, failure -> {
                    wentDown(failure);
                    retry(this::load);
                });
    }

    private void follow() {
        if (closed) {
            return;
        }
        redis.xread(List.of("COUNT", "200", "BLOCK", Long.toString(FOLLOW_BLOCK_MS), "STREAMS", config.streamKey(),
                        lastSeen))
                .ifNoItem().after(Duration.ofMillis(FOLLOW_BLOCK_MS).plus(config.redisTimeout()))
                .failWith(() -> new TimeoutException("no answer to XREAD"))
                .subscribe().with(answer -> {
                    cameBack();
                    if (answer != null) {
                        for (Response stream : answer) {
                            for (Response entry : stream.get(1)) {
                                deliver(entry);
                            }
                        }
                    }
                    follow();
                }, failure -> {
                    wentDown(failure);
                    retry(this::follow);
                });
    }

    private void deliver(Response entry) {
        String id = entry.get(0).toString();
        lastSeen = id;
        String writtenBy = field(entry, "origin");
        if (writtenBy != null && writtenBy.startsWith(origin + " ")) {
            return; // kept in this ring during an outage; its clients had it then
        }
        decode(entry).ifPresent(ring::append);
    }

    private void retry(Runnable step) {
        if (!closed) {
            vertx.setTimer(RETRY_MS, ignored -> step.run());
        }
    }

    private void wentDown(Throwable failure) {
        lastFailure = String.valueOf(failure.getMessage());
        if (up) {
            up = false;
            downSince = Instant.now();
            LOG.warnf("Redis at %s does not answer (%s): events are kept in this replica's memory until it does",
                    address, lastFailure);
        }
    }

    private void cameBack() {
        if (up) {
            return;
        }
        up = true;
        List<TaskRouterEvent> toSend;
        synchronized (unsent) {
            toSend = new ArrayList<>(unsent);
            unsent.clear();
        }
        LOG.infof("Redis at %s answers again: the feed is shared again; %d event(s) kept meanwhile go to it",
                address, toSend.size());
        // events posted to a replica that could not reach Redis are in its memory; TaskRouter's log has them all
        resumed.fire(new FeedResumed(downSince));
        for (TaskRouterEvent event : toSend) {
            append(event.withId(null), event.id()).subscribe().with(ignored -> {
            }, failure -> {
                synchronized (unsent) {
                    unsent.addFirst(event);
                }
                wentDown(failure);
            });
        }
    }

    private String encode(TaskRouterEvent event) {
        try {
            return json.writeValueAsString(event.withId(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feed event could not be written as JSON", e);
        }
    }

    /** The event of a stream entry ({@code [id, [field, value, …]]}) with the entry's id; empty if unreadable. */
    private Optional<TaskRouterEvent> decode(Response entry) {
        String id = entry.get(0).toString();
        String text = field(entry, "event");
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, TaskRouterEvent.class).withId(id));
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipped stream entry %s: it is not a feed event", id);
            return Optional.empty();
        }
    }

    private static String field(Response entry, String name) {
        Response fields = entry.get(1);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i).toString())) {
                return fields.get(i + 1).toString();
            }
        }
        return null;
    }
}
