package org.taskrouter.assignment.feed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One open stream. Events are offered from whichever thread adds them to the feed and written on the
 * connection's own event loop, as fast as the connection takes them. At most {@code limit} wait; one more and
 * the client is dropped, so that a stalled client holds a bounded amount of memory and never slows the others.
 */
final class StreamClient {

    private final HttpServerResponse response;
    private final Vertx vertx;
    private final Context context;
    private final int limit;
    /** What the client missed before it connected; only touched on {@link #context}. */
    private final Queue<byte[]> replay = new ArrayDeque<>();
    private final Queue<byte[]> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<StreamClient> onClose;
    private volatile EventFeed.Subscription subscription;
    private volatile long heartbeatTimer = -1;

    /** Made on the connection's event loop, whose context it keeps. */
    StreamClient(HttpServerResponse response, Vertx vertx, int limit, Consumer<StreamClient> onClose) {
        this.response = response;
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.limit = limit;
        this.onClose = onClose;
        response.drainHandler(ignored -> drain());
        response.closeHandler(ignored -> closed());
        response.exceptionHandler(ignored -> closed());
    }

    /**
     * On {@link #context}, before any live event is written: the feed subscription that offers this client its
     * events and the frames of what it missed, oldest first; heartbeats every {@code heartbeat} from now on. The
     * subscription and the heartbeats end when the client goes.
     */
    void start(EventFeed.Subscription feedSubscription, List<byte[]> missed, Duration heartbeat) {
        subscription = feedSubscription;
        heartbeatTimer = vertx.setPeriodic(heartbeat.toMillis(), ignored -> heartbeat());
        if (closed.get()) {
            stop();
            return;
        }
        replay.addAll(missed);
        drain();
    }

    /** From any thread: a live event's frame. */
    void offer(byte[] frame) {
        if (closed.get()) {
            return;
        }
        if (waiting.incrementAndGet() > limit) {
            // too far behind: it reconnects with Last-Event-ID and gets what it missed from the feed
            context.runOnContext(ignored -> response.close());
            closed();
            return;
        }
        pending.add(frame);
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(ignored -> drain());
        }
    }

    /**
     * From any thread: this replica is stopping. What is queued is written, then a {@code retry:} hint (how long
     * a browser waits before it reconnects, by then to another replica) and the end of the response.
     */
    void endForShutdown(long retryMillis) {
        context.runOnContext(ignored -> {
            if (closed.get()) {
                return;
            }
            drain();
            response.end(Buffer.buffer("retry: " + retryMillis + "\n\n"));
            closed();
        });
    }

    /** On {@link #context}: a comment line, unless events are flowing anyway. */
    private void heartbeat() {
        if (!closed.get() && pending.isEmpty() && replay.isEmpty() && !response.writeQueueFull()) {
            response.write(": keep-alive\n\n");
        }
    }

    private void drain() {
        drainScheduled.set(false);
        while (!closed.get() && !response.writeQueueFull()) {
            byte[] frame = replay.poll();
            if (frame == null) {
                frame = pending.poll();
                if (frame == null) {
                    return;
                }
                waiting.decrementAndGet();
            }
            response.write(Buffer.buffer(frame));
        }
    }

    private void closed() {
        if (closed.compareAndSet(false, true)) {
            pending.clear();
            stop();
            onClose.accept(this);
        }
    }

    /** Ends the subscription and the heartbeats, whichever of them has started; safe to repeat. */
    private void stop() {
        EventFeed.Subscription feedSubscription = subscription;
        if (feedSubscription != null) {
            feedSubscription.close();
        }
        vertx.cancelTimer(heartbeatTimer);
    }
}
