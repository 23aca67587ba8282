package org.taskrouter.assignment.redis;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The Redis that replicas share, if any. */
@ConfigMapping(prefix = "redis")
public interface RedisConfig {

    /**
     * {@code REDIS_URL}: {@code redis://host:6379}, {@code rediss://…} for TLS, a password as
     * {@code redis://:password@host:6379}. Set, the replicas share the event feed and take turns at
     * {@code POST /api/setup}; absent, each replica is on its own.
     */
    Optional<String> url();
}
