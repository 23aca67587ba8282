package org.taskrouter.assignment.operator;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.OperatorConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Wrong operator tokens, counted per source address: after {@code operator.guesses.limit} within
 * {@code operator.guesses.window} that address is answered 429 for a window, whatever token it sends, so that the
 * token cannot be guessed at the speed of the event loop. Each address is logged at most once a window, with its
 * count and never any part of what it sent. Callbacks do not pass here.
 */
@Singleton
public class TokenGuesses {

    private static final Logger LOG = Logger.getLogger(TokenGuesses.class);
    /** A bound on the addresses followed, so that a spread of sources cannot grow the map without end. */
    static final int ADDRESSES_FOLLOWED = 10_000;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Guesser> guessers = new ConcurrentHashMap<>();
    private final Counter refused;
    private final Counter heldBack;

    @Inject
    TokenGuesses(OperatorConfig config, MeterRegistry registry) {
        this(config.guesses().limit(), config.guesses().window(), System::nanoTime, registry);
    }

    TokenGuesses(int limit, Duration window, LongSupplier clock, MeterRegistry registry) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.clock = clock;
        this.refused = Counter.builder("operator.tokens.refused")
                .description("Operator API requests refused for a missing or wrong bearer token").register(registry);
        this.heldBack = Counter.builder("operator.tokens.held.back")
                .description("Operator API requests answered 429: too many wrong tokens from their address")
                .register(registry);
    }

    /** The address a request's guesses are counted under. */
    public static String sourceOf(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "(unknown)" : remote.hostAddress();
    }

    /** Seconds until {@code address} may try again; 0 when it may now. */
    public long retryAfterSeconds(String address) {
        Guesser guesser = guessers.get(address);
        if (guesser == null) {
            return 0;
        }
        long heldUntil = guesser.heldUntil(clock.getAsLong());
        if (heldUntil == 0) {
            return 0;
        }
        heldBack.increment();
        return Math.max(1, (heldUntil - clock.getAsLong() + 999_999_999L) / 1_000_000_000L);
    }

    /** Counts a refused token from {@code address}. */
    public void refused(String address) {
        refused.increment();
        if (guessers.size() >= ADDRESSES_FOLLOWED) {
            long now = clock.getAsLong();
            guessers.values().removeIf(guesser -> guesser.idleSince(now));
        }
        Guesser guesser = guessers.get(address);
        if (guesser == null) {
            if (guessers.size() >= ADDRESSES_FOLLOWED) {
                return;
            }
            guesser = guessers.computeIfAbsent(address, ignored -> new Guesser());
        }
        guesser.refused(address, clock.getAsLong());
    }

    /** One address's refusals in the current window. */
    private final class Guesser {

        private long windowStart;
        private int count;
        private long heldUntil;
        private long loggedAt = Long.MIN_VALUE;
        private int sinceLogged;

        synchronized void refused(String address, long now) {
            if (now - windowStart >= windowNanos) {
                windowStart = now;
                count = 0;
            }
            count++;
            sinceLogged++;
            if (count >= limit && heldUntil == 0) {
                heldUntil = now + windowNanos;
            }
            if (loggedAt == Long.MIN_VALUE || now - loggedAt >= windowNanos) {
                LOG.warnf("%d refused operator token(s) from %s since the last report%s", sinceLogged, address,
                        heldUntil != 0 ? "; it gets 429 for " + Duration.ofNanos(windowNanos).toSeconds() + " s" : "");
                loggedAt = now;
                sinceLogged = 0;
            }
        }

        synchronized long heldUntil(long now) {
            if (heldUntil != 0 && now - heldUntil >= 0) {
                heldUntil = 0;
                count = 0;
                windowStart = now;
            }
            return heldUntil;
        }

        synchronized boolean idleSince(long now) {
            return heldUntil == 0 && now - windowStart >= windowNanos;
        }
    }
}
