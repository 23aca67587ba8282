package org.taskrouter.assignment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How calls to the TaskRouter REST API are retried when TaskRouter asks us to come back later. */
@ConfigMapping(prefix = "taskrouter.retry")
public interface TaskRouterRetryConfig {

    /** Attempts in all, the first included. */
    @WithDefault("4")
    int maxAttempts();

    /** The wait before the first retry; it doubles for each later one. */
    @WithDefault("PT0.2S")
    Duration initialBackoff();

    /** The longest single wait, whatever {@code Retry-After} asks for. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** The time after which no retry starts, counted from the first attempt. */
    @WithDefault("PT10S")
    Duration maxTotal();
}
