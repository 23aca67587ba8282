package org.taskrouter.assignment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The readiness check {@code taskrouter}: whether this replica's credentials open its Workspace. */
@ConfigMapping(prefix = "taskrouter.health")
public interface TaskRouterHealthConfig {

    /** Whether {@code /q/health/ready} includes the check. */
    @WithDefault("true")
    boolean enabled();

    /** How long one reading of the Workspace answers every readiness probe. */
    @WithDefault("PT30S")
    Duration cache();

    /** How long the reading may take before TaskRouter counts as unreachable. */
    @WithDefault("PT3S")
    Duration timeout();
}
