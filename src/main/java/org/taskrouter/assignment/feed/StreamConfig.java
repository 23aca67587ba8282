package org.taskrouter.assignment.feed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@code GET /api/events/stream} treats its clients. */
@ConfigMapping(prefix = "stream")
public interface StreamConfig {

    /** How often an idle stream gets a comment line, so that proxies do not close it. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /**
     * How many events one client may fall behind, waiting for its connection to take them, before it is dropped
     * (it reconnects with {@code Last-Event-ID} and gets what it missed): what bounds the memory a stalled client holds.
     */
    @WithDefault("256")
    int clientBuffer();
}
