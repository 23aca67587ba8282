package org.taskrouter.assignment.taskrouter;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.TaskRouterRetryConfig;

import com.fasterxml.jackson.core.JacksonException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;

/**
 * How one call to the TaskRouter REST API is made: each attempt timed ({@code taskrouter_requests_seconds} by
 * operation and status), retried only where that cannot do a thing twice ({@code taskrouter_retries_total}), and
 * a failure translated into words an operator can act on.
 */
@Singleton
class TaskRouterCallPolicy {

    private static final Logger LOG = Logger.getLogger(TaskRouterCallPolicy.class);
    /** The status of an attempt that got a 2xx: TaskRouter answers 200 or 201, the difference tells nothing. */
    static final String ANSWERED = "2xx";
    /** The status of an attempt that got no answer within the read timeout. */
    static final String TIMED_OUT = "timeout";
    /** The status of an attempt whose connection was refused or broken. */
    static final String UNREACHABLE = "unreachable";
    /** The status of an attempt whose answer could not be read. */
    static final String UNREADABLE = "unreadable";

    /** Which failures may be retried without risking doing a thing twice. */
    enum Safety {
        /** Reads, and writes whose repetition changes nothing: retried after any failure to get an answer. */
        IDEMPOTENT,
        /**
         * Creations and state changes: retried only when TaskRouter surely did not act on them (refused
         * connection, 429, 503), since after a lost answer a second one would create twice or be refused.
         */
        ONLY_IF_UNSENT
    }

    private final TaskRouterRetryConfig retry;
    private final MeterRegistry registry;

    TaskRouterCallPolicy(TaskRouterRetryConfig retry, MeterRegistry registry) {
        this.retry = retry;
        this.registry = registry;
    }

    /** Runs {@code request}, retrying as {@link TaskRouterRetryConfig} allows. */
    <T> Uni<T> call(String operation, Safety safety, Supplier<Uni<T>> request) {
        return attempt(operation, safety, request, 1, System.nanoTime());
    }

    /** Runs {@code request} once, timed, its failure as the REST client gave it: for a caller that asks again. */
    <T> Uni<T> once(String operation, Supplier<Uni<T>> request) {
        return timed(operation, request);
    }

    private <T> Uni<T> attempt(String operation, Safety safety, Supplier<Uni<T>> request, int attempt, long started) {
        return timed(operation, request).onFailure().recoverWithUni(failure -> {
            Duration retryAfter = failure instanceof TaskRouterException e ? e.retryAfter().orElse(null) : null;
            if (!isRetryable(safety, failure)) {
                return Uni.createFrom().failure(translate(failure, safety));
            }
            Duration wait = backoff(attempt, retryAfter);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            // Coming back sooner than TaskRouter asked is pointless: give up and pass its Retry-After on instead.
            boolean askedToWaitLonger = retryAfter != null && retryAfter.compareTo(wait) > 0;
            if (askedToWaitLonger || attempt >= retry.maxAttempts()
                    || elapsed.plus(wait).compareTo(retry.maxTotal()) > 0) {
                return Uni.createFrom().failure(new TaskRouterUnavailableException(
                        "TaskRouter is unavailable after " + attempt + " attempt(s): " + describe(failure), failure,
                        retryAfter));
            }
            LOG.debugf("TaskRouter call %s failed (%s); attempt %d in %d ms", operation, describe(failure),
                    attempt + 1, wait.toMillis());
            retries(operation).increment();
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                    .flatMap(ignored -> attempt(operation, safety, request, attempt + 1, started));
        });
    }

    private <T> Uni<T> timed(String operation, Supplier<Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            long sent = System.nanoTime();
            return request.get().onItemOrFailure().invoke((item, failure) -> {
                // nothing was sent when the service lacks the configuration to send it
                if (!(failure instanceof TaskRouterNotConfiguredException)) {
                    requests(operation, status(failure)).record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
                }
            });
        });
    }

    private Timer requests(String operation, String status) {
        return Timer.builder("taskrouter.requests")
                .description("Requests to the TaskRouter REST API, each attempt on its own")
                .tag("operation", operation).tag("status", status).register(registry);
    }

    private Counter retries(String operation) {
        return Counter.builder("taskrouter.retries")
                .description("Requests to the TaskRouter REST API sent again after a failure that allowed it")
                .tag("operation", operation).register(registry);
    }

    /** The {@code status} tag of an attempt: a number when TaskRouter answered, a word when it did not. */
    static String status(Throwable failure) {
        if (failure == null) {
            return ANSWERED;
        }
        if (failure instanceof TaskRouterException e) {
            return Integer.toString(e.httpStatus());
        }
        if (causedBy(failure, JacksonException.class)) {
            return UNREADABLE;
        }
        return timedOut(failure) ? TIMED_OUT : UNREACHABLE;
    }

    private static boolean isRetryable(Safety safety, Throwable failure) {
        if (failure instanceof TaskRouterException e) {
            return e.isRetryable();
        }
        if (isTransportFailure(failure)) {
            return safety == Safety.IDEMPOTENT || causedBy(failure, ConnectException.class);
        }
        return false;
    }

    private Duration backoff(int attempt, Duration retryAfter) {
        // ±20 % jitter, so that replicas refused together do not come back together
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        Duration exponential = Duration.ofNanos((long) (retry.initialBackoff().toNanos()
                * (double) (1L << Math.min(attempt - 1, 16)) * jitter));
        Duration wait = retryAfter != null && retryAfter.compareTo(exponential) > 0 ? retryAfter : exponential;
        return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
    }

    /** No answer from TaskRouter: refused or broken connection, or no answer within the read timeout. */
    private static boolean isTransportFailure(Throwable failure) {
        if (causedBy(failure, JacksonException.class)) {
            return false; // an answer came, it just could not be read
        }
        return causedBy(failure, ProcessingException.class) || causedBy(failure, IOException.class)
                || causedBy(failure, TimeoutException.class) || causedBy(failure, VertxException.class);
    }

    private static Throwable translate(Throwable failure, Safety safety) {
        if (causedBy(failure, JacksonException.class)) {
            return new TaskRouterUnreadableAnswerException(
                    "TaskRouter answered something this service cannot read; the change may have been made", failure);
        }
        if (isTransportFailure(failure)) {
            if (safety == Safety.ONLY_IF_UNSENT && !causedBy(failure, ConnectException.class)) {
                return new TaskRouterUnavailableException("TaskRouter did not answer (" + describe(failure)
                        + "); the change may have been made: look before trying again", failure, null);
            }
            return new TaskRouterUnavailableException("TaskRouter could not be reached: " + describe(failure),
                    failure, null);
        }
        return failure;
    }

    /** Words for the log and the operator; never an exception class name. */
    private static String describe(Throwable failure) {
        if (failure instanceof TaskRouterException e) {
            return "HTTP " + e.httpStatus() + e.twilioCode().map(code -> " (Twilio code " + code + ")").orElse("");
        }
        if (timedOut(failure)) {
            return "no answer within the read timeout";
        }
        if (causedBy(failure, ConnectException.class)) {
            return "connection refused";
        }
        return "connection failed";
    }

    private static boolean timedOut(Throwable failure) {
        return causedBy(failure, TimeoutException.class)
                || String.valueOf(failure.getMessage()).contains("timeout period");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
