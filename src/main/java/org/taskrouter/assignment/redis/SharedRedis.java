package org.taskrouter.assignment.redis;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/**
 * The one Redis client of this replica, made only when {@code REDIS_URL} is set (the Quarkus default client would
 * want its hosts at start-up whether or not they are used).
 */
@Singleton
public class SharedRedis {

    private final Optional<Redis> client;
    private final Optional<RedisAPI> api;
    private final String address;

    SharedRedis(RedisConfig config, Vertx vertx) {
        this.address = config.url().map(SharedRedis::describe).orElse("(none)");
        this.client = config.url().map(url -> {
            RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(8)
                    .setMaxPoolWaiting(256);
            // a Redis that does not answer must not hold an event callback near TaskRouter's 15 s
            options.getNetClientOptions().setConnectTimeout(1_000);
            return Redis.createClient(vertx, options);
        });
        this.api = client.map(RedisAPI::api);
    }

    /** The commands, when Redis is configured. */
    public Optional<RedisAPI> api() {
        return api;
    }

    /** Where Redis is, for logs and health answers: scheme, host and port, never the password. */
    public String address() {
        return address;
    }

    @PreDestroy
    void close() {
        client.ifPresent(Redis::close);
    }

    static String describe(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(an unreadable REDIS_URL)";
        }
    }
}
