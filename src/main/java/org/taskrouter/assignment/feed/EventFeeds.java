package org.taskrouter.assignment.feed;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.Readiness;
import org.taskrouter.assignment.redis.SharedRedis;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.health.api.HealthRegistry;
import io.vertx.mutiny.core.Vertx;

/**
 * Chooses the feed at start-up, from the run-time configuration: {@code REDIS_URL} set, the shared
 * {@link RedisEventFeed} and a readiness check named {@code redis}; otherwise {@link InMemoryEventFeed}.
 */
@Singleton
class EventFeeds {

    @Produces
    @Singleton
    EventFeed feed(FeedConfig config, SharedRedis redis, ObjectMapper json, Vertx vertx,
            @Readiness HealthRegistry readiness, Event<FeedResumed> resumed) {
        if (redis.api().isEmpty()) {
            return new InMemoryEventFeed(config);
        }
        RedisEventFeed shared = new RedisEventFeed(config, json, vertx, redis, resumed);
        readiness.register("redis", shared::health);
        shared.start();
        return shared;
    }

    void close(@Disposes EventFeed feed) {
        if (feed instanceof RedisEventFeed shared) {
            shared.close();
        }
    }
}
