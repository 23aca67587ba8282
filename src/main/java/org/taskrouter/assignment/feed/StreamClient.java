package org.taskrouter.assignment.feed;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One open stream. Events are offered from whichever thread adds them to the feed and written on the
 * connection's own event loop, as fast as the connection takes them. At most {@code limit} wait; one more and
 * the client is dropped, so that a stalled client holds a bounded amount of memory and never slows the others.
 */
final class StreamClient {

    private final HttpServerResponse response;
    private final Context context;
    private final int limit;
    /** What the client missed before it connected; only touched on {@link #context}. */
    private final Queue<byte[]> replay = new ArrayDeque<>();
    private final Queue<byte[]> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;

    StreamClient(HttpServerResponse response, Context context, int limit, Runnable onClose) {
        this.response = response;
        this.context = context;
        this.limit = limit;
        this.onClose = onClose;
        response.drainHandler(ignored -> drain());
        response.closeHandler(ignored -> closed());
        response.exceptionHandler(ignored -> closed());
    }

    /** On {@link #context}, before any live event is written: what the client missed, oldest first. */
    void replay(List<byte[]> frames) {
        replay.addAll(frames);
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

    /** On {@link #context}: a comment line, unless events are flowing anyway. */
    void heartbeat() {
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
            onClose.run();
        }
    }
}
