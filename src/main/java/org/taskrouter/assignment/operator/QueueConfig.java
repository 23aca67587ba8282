package org.taskrouter.assignment.operator;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@code GET /api/queues} spares TaskRouter. */
@ConfigMapping(prefix = "queues")
public interface QueueConfig {

    /** How long one reading of the TaskQueues' statistics answers every caller, however many consoles ask. */
    @WithDefault("PT3S")
    Duration cache();
}
