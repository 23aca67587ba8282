package org.taskrouter.assignment.feed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The shared event feed's Redis Stream (when {@code REDIS_URL} is set), and how a repeated delivery is told apart. */
@ConfigMapping(prefix = "feed")
public interface FeedConfig {

    /** The Redis Stream's key. */
    @WithDefault("taskrouter-assignment:events")
    String streamKey();

    /** About how many events the Redis Stream keeps (XADD MAXLEN ~); replicas hold the last 500 in memory. */
    @WithDefault("10000")
    int streamLength();

    /** How long a delivery key is remembered: a repeat within it is dropped. */
    @WithDefault("PT24H")
    Duration repeatWindow();

    /** How many delivery keys a replica remembers in memory (in Redis they expire after the window instead). */
    @WithDefault("20000")
    int deliveriesRemembered();

    /**
     * How long an event callback waits for Redis before the event is kept in this replica's memory instead (and
     * sent to Redis once it answers): well inside TaskRouter's 15 s, whatever state Redis is in.
     */
    @WithDefault("PT2S")
    Duration redisTimeout();

    /**
     * How far back a starting replica reads TaskRouter's event log ({@code GET /Events}) for what it missed while
     * down; {@code PT0S} turns the catch-up off. TaskRouter keeps 30 days.
     */
    @WithDefault("PT15M")
    Duration catchUp();
}
