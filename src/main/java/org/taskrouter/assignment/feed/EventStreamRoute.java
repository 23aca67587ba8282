package org.taskrouter.assignment.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.error.ErrorBody;
import org.taskrouter.assignment.operator.OperatorToken;
import org.taskrouter.assignment.operator.TokenGuesses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/events/stream}: the feed as server-sent events, {@code id:} and {@code data:} (the JSON of an
 * item of {@code GET /api/events}) per event. A client that reconnects with {@code Last-Event-ID} first gets what
 * it missed. A Vert.x route rather than a JAX-RS resource, because it must bound what each client may fall behind
 * and write heartbeats between events; it checks the same {@link OperatorToken} as the REST filter.
 */
@Singleton
public class EventStreamRoute {

    static final String PATH = "/api/events/stream";
    /** What a stream ended by a shutdown tells the browser to wait before it reconnects. */
    static final long RETRY_AFTER_SHUTDOWN_MS = 1_000;
    private static final Logger LOG = Logger.getLogger(EventStreamRoute.class);

    private final EventFeed feed;
    private final OperatorToken token;
    /** Built at start-up, so that the first event after a start does not also pay for building its serializer. */
    private final ObjectWriter eventJson;
    private final Vertx vertx;
    private final StreamConfig config;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final MeterRegistry registry;
    private final Gauge openGauge;
    private volatile boolean stopping;
    /** The last event written as a frame: every client gets the same event in turn, so it is written once. */
    private volatile Frame lastFrame;

    private record Frame(TaskRouterEvent event, byte[] bytes) {
    }

    public EventStreamRoute(EventFeed feed, OperatorToken token, ObjectMapper json, Vertx vertx, StreamConfig config,
            MeterRegistry registry) {
        this.feed = feed;
        this.token = token;
        this.eventJson = json.writerFor(TaskRouterEvent.class);
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
        this.openGauge = Gauge.builder("event.streams.open", clients, Set::size)
                .description("Event streams (/api/events/stream) open on this replica").register(registry);
    }

    void install(@Observes Router router) {
        // before the REST layer, which would otherwise answer for everything under /api
        router.get(PATH).order(Integer.MIN_VALUE + 1).handler(this::open);
    }

    /**
     * The replica is stopping (at the start of {@code quarkus.shutdown.delay}, while readiness goes DOWN; or at
     * shutdown without a delay): streams end now with a retry hint, so consoles move to another replica, and an
     * open stream does not hold the graceful shutdown until its timeout.
     */
    void stopStreams(@Observes ShutdownDelayInitiatedEvent delay) {
        stopStreams();
    }

    void stopStreamsAtShutdown(@Observes ShutdownEvent shutdown) {
        stopStreams();
        // a gauge reads its own set: an application started again in this JVM (as tests do) must register anew
        registry.remove(openGauge);
    }

    private void stopStreams() {
        if (stopping) {
            return;
        }
        stopping = true;
        LOG.infof("Stopping: %d event stream(s) end with a retry hint", clients.size());
        for (StreamClient client : clients) {
            client.endForShutdown(RETRY_AFTER_SHUTDOWN_MS);
        }
    }

    /** Streams currently open on this replica. */
    public int openStreams() {
        return clients.size();
    }

    private void open(RoutingContext context) {
        HttpServerResponse response = context.response();
        Optional<OperatorToken.Refusal> refusal = token.refusal(context.request().getHeader("Authorization"),
                TokenGuesses.sourceOf(context.request()));
        if (refusal.isPresent()) {
            ErrorBody body = refusal.get().body();
            if (body.status() == 401) {
                response.putHeader("WWW-Authenticate", "Bearer");
            }
            if (refusal.get().retryAfterSeconds() > 0) {
                response.putHeader("Retry-After", Long.toString(refusal.get().retryAfterSeconds()));
            }
            response.setStatusCode(body.status()).putHeader("Content-Type", "application/json")
                    .end(Json.encode(body));
            return;
        }
        if (stopping) {
            response.setStatusCode(503).putHeader("Retry-After", "1").putHeader("Content-Type", "application/json")
                    .end(Json.encode(new ErrorBody(503, "This replica is stopping; connect again")));
            return;
        }
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store")
                // nginx and similar proxies would otherwise hold events back to fill a buffer
                .putHeader("X-Accel-Buffering", "no");
        // a comment at once: the client sees the 200 and its headers now, not with the first event
        response.write(": connected\n\n");

        StreamClient client = new StreamClient(response, vertx, config.clientBuffer(), clients::remove);
        clients.add(client);
        Optional<String> lastEventId = Optional.ofNullable(context.request().getHeader("Last-Event-ID"))
                .map(String::trim).filter(id -> !id.isEmpty());
        EventFeed.Subscription subscription = feed.subscribe(lastEventId, event -> client.offer(frame(event)));
        List<byte[]> missed = subscription.missed().stream().map(this::frame).toList();
        client.start(subscription, missed, config.heartbeat());
        LOG.debugf("Event stream opened%s, %d missed event(s) replayed", lastEventId.map(id -> " after " + id)
                .orElse(""), missed.size());
    }

    private byte[] frame(TaskRouterEvent event) {
        Frame last = lastFrame;
        if (last != null && last.event() == event) {
            return last.bytes();
        }
        try {
            byte[] bytes = ("id: " + event.id() + "\ndata: " + eventJson.writeValueAsString(event) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8);
            lastFrame = new Frame(event, bytes);
            return bytes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of the feed cannot be written as JSON", e);
        }
    }
}
