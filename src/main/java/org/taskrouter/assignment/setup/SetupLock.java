package org.taskrouter.assignment.setup;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import org.taskrouter.assignment.error.ConflictException;
import org.taskrouter.assignment.error.DependencyUnavailableException;
import org.taskrouter.assignment.redis.SharedRedis;

import io.smallrye.mutiny.Uni;

/**
 * One {@code POST /api/setup} at a time: two runs at once would both find nothing and both create. Within a
 * replica a flag; across replicas, when {@code REDIS_URL} is set, a Redis key taken with {@code SET NX PX} and
 * given back only by its holder, which expires by itself if the holder dies.
 */
@Singleton
class SetupLock {

    static final String KEY = "taskrouter-assignment:setup-lock";
    /** Longer than any setup takes (about twenty REST calls, each retried for at most 10 s). */
    static final long EXPIRY_MS = 300_000;
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final SharedRedis redis;
    private final AtomicBoolean local = new AtomicBoolean();

    SetupLock(SharedRedis redis) {
        this.redis = redis;
    }

    /** Runs {@code work} holding the lock; a 409 while another run holds it. */
    <T> Uni<T> holding(Uni<T> work) {
        if (!local.compareAndSet(false, true)) {
            return Uni.createFrom().failure(alreadyRunning());
        }
        if (redis.api().isEmpty()) {
            return work.onTermination().invoke(() -> local.set(false));
        }
        String holder = UUID.randomUUID().toString();
        var api = redis.api().get();
        return api.set(List.of(KEY, holder, "NX", "PX", Long.toString(EXPIRY_MS)))
                .onFailure().transform(failure -> new DependencyUnavailableException("Redis at " + redis.address()
                        + ", which keeps two replicas from setting up at once, does not answer; try again when it does",
                        failure))
                .flatMap(taken -> taken == null ? Uni.createFrom().<T> failure(alreadyRunning())
                        : work.onTermination().call(() -> api.eval(List.of(RELEASE, "1", KEY, holder))
                                .onFailure().recoverWithNull().replaceWithVoid()))
                .onTermination().invoke(() -> local.set(false));
    }

    private static ConflictException alreadyRunning() {
        return new ConflictException("A setup is already running; try again when it has finished");
    }
}
