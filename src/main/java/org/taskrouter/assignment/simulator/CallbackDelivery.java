package org.taskrouter.assignment.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Posts TaskRouter's callbacks to the service: form-encoded, signed with {@code X-Twilio-Signature} over the URL
 * configured on the Workflow or Workspace (the public URL Twilio would call), but delivered to the service's own
 * local port with that URL's path, exactly as ngrok in front of a laptop does.
 *
 * <p>Nothing here blocks: requests go out with {@link HttpClient#sendAsync}. Events leave one at a time in the order
 * they happened, so the service's live feed reads like TaskRouter's; a failed delivery is logged, never retried,
 * and never changes the simulation.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class CallbackDelivery {

    private static final Logger LOG = Logger.getLogger(CallbackDelivery.class);
    private static final int MAX_QUEUED_EVENTS = 20_000;

    private final SimulatorConfig config;
    private final SimulatorCredentials credentials;
    private final HttpClient http;
    private final Queue<Post> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicBoolean sendingEvent = new AtomicBoolean();
    // One INFO line per failing URL; the rest go to DEBUG, so a missing endpoint does not flood the log.
    private final Set<String> reportedFailures = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reportedUnsigned = new AtomicBoolean();

    /** One form POST: the URL it is signed over, and its parameters in order. */
    private record Post(String signedUrl, Map<String, String> params) {
    }

    @Inject
    CallbackDelivery(SimulatorConfig config, SimulatorCredentials credentials) {
        this.config = config;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.callbackTimeout())
                .build();
    }

    /**
     * Posts an assignment callback and reads the answer. A non-200, a body that is not a JSON object, a timeout or
     * a refused connection sends it to {@code fallbackUrl} when there is one; failing that too, the answer is
     * {@link AssignmentAnswer#DEFER}, so the Reservation waits, as on TaskRouter.
     */
    CompletableFuture<AssignmentAnswer> assignment(String url, String fallbackUrl, Map<String, String> params) {
        return postForAnswer(url, params).thenCompose(answer -> {
            if (answer != null) {
                return CompletableFuture.completedFuture(answer);
            }
            if (fallbackUrl == null || fallbackUrl.isBlank()) {
                return CompletableFuture.completedFuture(AssignmentAnswer.DEFER);
            }
            return postForAnswer(fallbackUrl, params)
                    .thenApply(fallback -> fallback == null ? AssignmentAnswer.DEFER : fallback);
        });
    }

    /**
     * Queues an event callback behind those already queued, without sending anything: the simulator calls this
     * under its lock, so the queue order is the order things happened. {@link #flushEvents()} sends.
     */
    void enqueueEvent(String url, Map<String, String> params) {
        if (queuedEvents.incrementAndGet() > MAX_QUEUED_EVENTS) {
            queuedEvents.decrementAndGet();
            LOG.debugf("Dropped event %s: %d events are waiting for delivery", params.get("EventType"),
                    MAX_QUEUED_EVENTS);
            return;
        }
        events.add(new Post(url, params));
    }

    /** Starts sending queued events, one at a time, unless that is already going on. */
    void flushEvents() {
        sendNextEvent();
    }

    private void sendNextEvent() {
        if (!sendingEvent.compareAndSet(false, true)) {
            return;
        }
        Post next = events.poll();
        if (next == null) {
            sendingEvent.set(false);
            // An event queued between poll() and set(false) would otherwise wait for the next one.
            if (!events.isEmpty()) {
                sendNextEvent();
            }
            return;
        }
        queuedEvents.decrementAndGet();
        post(next).whenComplete((response, failure) -> {
            if (failure != null) {
                reportFailure(next.signedUrl(), "event " + next.params().get("EventType"), describe(failure));
            } else if (response.statusCode() / 100 != 2) {
                reportFailure(next.signedUrl(), "event " + next.params().get("EventType"),
                        "HTTP " + response.statusCode());
            }
            sendingEvent.set(false);
            sendNextEvent();
        });
    }

    private CompletableFuture<AssignmentAnswer> postForAnswer(String url, Map<String, String> params) {
        return post(new Post(url, params)).handle((response, failure) -> {
            if (failure != null) {
                reportFailure(url, "assignment callback", describe(failure));
                return null;
            }
            if (response.statusCode() != 200) {
                reportFailure(url, "assignment callback", "HTTP " + response.statusCode());
                return null;
            }
            AssignmentAnswer answer = AssignmentAnswer.parse(response.body());
            if (answer == null) {
                reportFailure(url, "assignment callback", "the answer is not a JSON object");
            }
            return answer;
        });
    }

    private CompletableFuture<HttpResponse<String>> post(Post post) {
        try {
            return send(post);
        } catch (RuntimeException e) {
            // never thrown out of here: a throw would leave event delivery marked busy for good
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<HttpResponse<String>> send(Post post) {
        URI target;
        try {
            target = deliveryTarget(post.signedUrl());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        Map<String, List<String>> signed = new LinkedHashMap<>();
        post.params().forEach((name, value) -> signed.put(name, List.of(value)));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(config.callbackTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "TwilioProxy/1.1 (taskrouter-assignment simulator)")
                .header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(post.params())));
        String signature = credentials.sign(post.signedUrl(), signed);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        } else if (reportedUnsigned.compareAndSet(false, true)) {
            LOG.warn("TaskRouter simulator: no auth token (TWILIO_AUTH_TOKEN) is configured, callbacks go unsigned");
        }
        try {
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Where a callback signed over {@code signedUrl} is sent: this service's local port, with the URL's path and
     * query.
     */
    static URI deliveryTarget(String signedUrl) {
        URI signed = URI.create(signedUrl);
        String path = signed.getRawPath() == null || signed.getRawPath().isEmpty() ? "/" : signed.getRawPath();
        String query = signed.getRawQuery() == null ? "" : "?" + signed.getRawQuery();
        return URI.create(LocalHttpPort.localBase() + path + query);
    }

    private static String formBody(Map<String, String> params) {
        StringJoiner body = new StringJoiner("&");
        params.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private void reportFailure(String url, String what, String why) {
        if (reportedFailures.add(url)) {
            LOG.infof("TaskRouter simulator: %s to %s failed (%s); further failures to this URL are logged at DEBUG",
                    what, url, why);
        } else {
            LOG.debugf("TaskRouter simulator: %s to %s failed (%s)", what, url, why);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
