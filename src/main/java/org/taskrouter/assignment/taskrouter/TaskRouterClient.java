package org.taskrouter.assignment.taskrouter;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.TaskRouterRetryConfig;
import org.taskrouter.assignment.config.TwilioConfig;

import io.smallrye.mutiny.Uni;

/**
 * The TaskRouter REST API for the rest of the service: one Workspace, retries where they are safe, lists
 * gathered across pages. Failures arrive as {@link TaskRouterException}, {@link TaskRouterUnavailableException}
 * or {@link TaskRouterNotConfiguredException}.
 */
@ApplicationScoped
public class TaskRouterClient {

    private static final Logger LOG = Logger.getLogger(TaskRouterClient.class);
    /** TaskRouter's largest page; fewer round trips when gathering a list. */
    static final int PAGE_SIZE = 1000;
    /** A bound on one gathered list, so that a looping next_page_url cannot run forever. */
    static final int MAX_ITEMS = 10_000;
    /** A bound on the pages of one list, so that empty pages that keep naming a next one cannot run forever. */
    static final int MAX_PAGES = 100;
    /** How many Workers' Reservation lists are read at the same time. */
    static final int RESERVATION_LISTS_AT_ONCE = 8;

    private final TaskRouterRestClient api;
    private final TwilioConfig twilio;
    private final TaskRouterRetryConfig retry;

    public TaskRouterClient(@RestClient TaskRouterRestClient api, TwilioConfig twilio, TaskRouterRetryConfig retry) {
        this.api = api;
        this.twilio = twilio;
        this.retry = retry;
    }

    /** Creates a Task in the configured Workflow; {@code attributes} is a JSON object's text. */
    public Uni<Task> createTask(String attributes, Integer priority, Integer timeout, String taskChannel) {
        String workflowSid = require(twilio.workflowSid(), "TWILIO_WORKFLOW_SID");
        return call(Safety.ONLY_IF_UNSENT,
                () -> api.createTask(workspace(), workflowSid, attributes, priority, timeout, taskChannel));
    }

    /** A Task and its ETag. */
    public Uni<VersionedTask> fetchTask(String taskSid) {
        return call(Safety.IDEMPOTENT, () -> api.fetchTask(workspace(), taskSid))
                .map(response -> new VersionedTask(response.getEntity(), response.getHeaderString("ETag")));
    }

    /** All Tasks in any of the given assignment states. */
    public Uni<List<Task>> listTasks(List<String> assignmentStatus) {
        String workspace = workspace();
        return gather(cursor -> api.listTasks(workspace, assignmentStatus, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** The Workspace's events since {@code since}, as TaskRouter lists them, across pages. */
    public Uni<List<WorkspaceEvent>> listEvents(Instant since) {
        String workspace = workspace();
        return gather(cursor -> api.listEvents(workspace, since.toString(), PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** Changes a Task's assignment status, only if it still has {@code etag} when one is given. */
    public Uni<Task> updateTaskStatus(String taskSid, String etag, String assignmentStatus, String reason) {
        // Not resent after a lost answer: the second try would be refused and report a success as a conflict.
        return call(Safety.ONLY_IF_UNSENT,
                () -> api.updateTask(workspace(), taskSid, etag, assignmentStatus, reason));
    }

    /** All Reservations of a Task, in the given status or in any when null. */
    public Uni<List<Reservation>> listTaskReservations(String taskSid, String status) {
        String workspace = workspace();
        return gather(cursor -> api.listTaskReservations(workspace, taskSid, status, PAGE_SIZE, cursor.page(),
                cursor.token()));
    }

    /** Reservations in the given status across every Worker of the Workspace, oldest first. */
    public Uni<List<Reservation>> listReservations(String status) {
        String workspace = workspace();
        return listWorkers().flatMap(workers -> {
            // A Worker deleted since the list was read has no Reservations; a 404 must not fail the whole list.
            List<Uni<List<Reservation>>> perWorker = new ArrayList<>();
            for (Worker worker : workers) {
                perWorker.add(gather(cursor -> api.listWorkerReservations(workspace, worker.sid(), status, PAGE_SIZE,
                        cursor.page(), cursor.token()))
                        .onFailure(e -> e instanceof TaskRouterException refused && refused.httpStatus() == 404)
                        .recoverWithItem(List.of()));
            }
            if (perWorker.isEmpty()) {
                return Uni.createFrom().item(List.<Reservation>of());
            }
            // a few at a time: hundreds of Workers at once would only earn 429s
            return Uni.join().all(perWorker).usingConcurrencyOf(RESERVATION_LISTS_AT_ONCE).andFailFast().map(lists -> {
                List<Reservation> all = new ArrayList<>();
                lists.forEach(all::addAll);
                all.sort(java.util.Comparator.comparing(Reservation::dateCreated,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
                return all;
            });
        });
    }

    /** Accepts a pending Reservation. */
    public Uni<Reservation> acceptReservation(String taskSid, String reservationSid) {
        return call(Safety.ONLY_IF_UNSENT,
                () -> api.updateReservation(workspace(), taskSid, reservationSid, "accepted", null));
    }

    /** Rejects a pending Reservation, optionally moving the Worker to another Activity. */
    public Uni<Reservation> rejectReservation(String taskSid, String reservationSid, String workerActivitySid) {
        return call(Safety.ONLY_IF_UNSENT,
                () -> api.updateReservation(workspace(), taskSid, reservationSid, "rejected", workerActivitySid));
    }

    /** All Workers with their current Activity. */
    public Uni<List<Worker>> listWorkers() {
        String workspace = workspace();
        return gather(cursor -> api.listWorkers(workspace, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** Moves a Worker to another Activity. */
    public Uni<Worker> updateWorkerActivity(String workerSid, String activitySid) {
        return call(Safety.IDEMPOTENT, () -> api.updateWorkerActivity(workspace(), workerSid, activitySid));
    }

    /** All Activities of the Workspace. */
    public Uni<List<Activity>> listActivities() {
        String workspace = workspace();
        return gather(cursor -> api.listActivities(workspace, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** Creates an Activity. */
    public Uni<Activity> createActivity(String friendlyName, boolean available) {
        return call(Safety.ONLY_IF_UNSENT, () -> api.createActivity(workspace(), friendlyName, available));
    }

    /** All TaskQueues of the Workspace. */
    public Uni<List<TaskQueue>> listTaskQueues() {
        String workspace = workspace();
        return gather(cursor -> api.listTaskQueues(workspace, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** A TaskQueue's RealTimeStatistics. */
    public Uni<TaskQueueStatistics> taskQueueStatistics(String taskQueueSid) {
        return call(Safety.IDEMPOTENT, () -> api.fetchTaskQueueStatistics(workspace(), taskQueueSid));
    }

    /** Creates a TaskQueue. */
    public Uni<TaskQueue> createTaskQueue(String friendlyName, String targetWorkers, String reservationActivitySid,
            String assignmentActivitySid) {
        return call(Safety.ONLY_IF_UNSENT, () -> api.createTaskQueue(workspace(), friendlyName, targetWorkers,
                reservationActivitySid, assignmentActivitySid));
    }

    /** Creates a Worker. */
    public Uni<Worker> createWorker(String friendlyName, String attributes, String activitySid) {
        return call(Safety.ONLY_IF_UNSENT, () -> api.createWorker(workspace(), friendlyName, attributes, activitySid));
    }

    /** All Workflows of the Workspace. */
    public Uni<List<Workflow>> listWorkflows() {
        String workspace = workspace();
        return gather(cursor -> api.listWorkflows(workspace, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** Creates a Workflow. */
    public Uni<Workflow> createWorkflow(String friendlyName, String configuration, String assignmentCallbackUrl,
            String fallbackAssignmentCallbackUrl, Integer taskReservationTimeout) {
        return call(Safety.ONLY_IF_UNSENT, () -> api.createWorkflow(workspace(), friendlyName, configuration,
                assignmentCallbackUrl, fallbackAssignmentCallbackUrl, taskReservationTimeout));
    }

    /** Points an existing Workflow at the given routing and callbacks. */
    public Uni<Workflow> updateWorkflow(String workflowSid, String configuration, String assignmentCallbackUrl,
            String fallbackAssignmentCallbackUrl, Integer taskReservationTimeout) {
        return call(Safety.IDEMPOTENT, () -> api.updateWorkflow(workspace(), workflowSid, configuration,
                assignmentCallbackUrl, fallbackAssignmentCallbackUrl, taskReservationTimeout));
    }

    /**
     * Reads the configured Workspace once, without retries: for the readiness check, which asks again later. Fails
     * as the REST client does ({@link TaskRouterException} for an error status).
     */
    public Uni<Workspace> fetchWorkspaceOnce() {
        return api.fetchWorkspace(workspace());
    }

    /** Sets the Workspace's Event Callback URL and timeout Activity. */
    public Uni<Workspace> updateWorkspace(String eventCallbackUrl, String timeoutActivitySid) {
        return call(Safety.IDEMPOTENT, () -> api.updateWorkspace(workspace(), eventCallbackUrl, timeoutActivitySid));
    }

    /** The configured Workspace, or a clear refusal when TaskRouter is not configured. */
    String workspace() {
        String missing = "";
        if (twilio.accountSid().isEmpty() && twilio.apiKeySid().isEmpty()) {
            missing += " TWILIO_ACCOUNT_SID";
        }
        if (twilio.authToken().isEmpty() && twilio.apiKeySecret().isEmpty()) {
            missing += " TWILIO_AUTH_TOKEN";
        }
        if (twilio.workspaceSid().isEmpty()) {
            missing += " TWILIO_WORKSPACE_SID";
        }
        if (!missing.isEmpty()) {
            throw new TaskRouterNotConfiguredException(
                    "TaskRouter is not configured: set" + missing + " (see .env.example)");
        }
        return twilio.workspaceSid().get();
    }

    private static String require(java.util.Optional<String> value, String variable) {
        return value.orElseThrow(() -> new TaskRouterNotConfiguredException(
                "TaskRouter is not configured: set " + variable + " (see .env.example)"));
    }

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

    private <T> Uni<List<T>> gather(Function<PageCursor, Uni<? extends Page<T>>> fetchPage) {
        return gatherFrom(fetchPage, PageCursor.FIRST, new ArrayList<>(), 1);
    }

    private <T> Uni<List<T>> gatherFrom(Function<PageCursor, Uni<? extends Page<T>>> fetchPage, PageCursor cursor,
            List<T> gathered, int pages) {
        return call(Safety.IDEMPOTENT, () -> fetchPage.apply(cursor)).flatMap(page -> {
            List<T> items = page.items() == null ? List.of() : page.items();
            gathered.addAll(items);
            PageCursor next = page.meta() == null ? null : PageCursor.after(page.meta().nextPageUrl());
            if (next == null || items.isEmpty() || next.equals(cursor)) {
                return Uni.createFrom().item(gathered);
            }
            if (gathered.size() >= MAX_ITEMS || pages >= MAX_PAGES) {
                LOG.warnf("Stopped reading a TaskRouter list after %d items on %d pages", gathered.size(), pages);
                return Uni.createFrom().item(gathered);
            }
            return gatherFrom(fetchPage, next, gathered, pages + 1);
        });
    }

    /** Runs {@code request}, retrying as {@link TaskRouterRetryConfig} allows. */
    <T> Uni<T> call(Safety safety, Supplier<Uni<T>> request) {
        long started = System.nanoTime();
        return attempt(safety, request, 1, started);
    }

    private <T> Uni<T> attempt(Safety safety, Supplier<Uni<T>> request, int attempt, long started) {
        return Uni.createFrom().deferred(() -> request.get()).onFailure().recoverWithUni(failure -> {
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
            LOG.debugf("TaskRouter call failed (%s); attempt %d in %d ms", describe(failure), attempt + 1,
                    wait.toMillis());
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                    .flatMap(ignored -> attempt(safety, request, attempt + 1, started));
        });
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
        double jitter = 0.8 + 0.4 * java.util.concurrent.ThreadLocalRandom.current().nextDouble();
        Duration exponential = Duration.ofNanos((long) (retry.initialBackoff().toNanos()
                * (double) (1L << Math.min(attempt - 1, 16)) * jitter));
        Duration wait = retryAfter != null && retryAfter.compareTo(exponential) > 0 ? retryAfter : exponential;
        return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
    }

    /** No answer from TaskRouter: refused or broken connection, or no answer within the read timeout. */
    private static boolean isTransportFailure(Throwable failure) {
        if (causedBy(failure, com.fasterxml.jackson.core.JacksonException.class)) {
            return false; // an answer came, it just could not be read
        }
        return causedBy(failure, ProcessingException.class) || causedBy(failure, java.io.IOException.class)
                || causedBy(failure, java.util.concurrent.TimeoutException.class)
                || causedBy(failure, io.vertx.core.VertxException.class);
    }

    private static Throwable translate(Throwable failure, Safety safety) {
        if (causedBy(failure, com.fasterxml.jackson.core.JacksonException.class)) {
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
        if (causedBy(failure, java.util.concurrent.TimeoutException.class)
                || String.valueOf(failure.getMessage()).contains("timeout period")) {
            return "no answer within the read timeout";
        }
        if (causedBy(failure, ConnectException.class)) {
            return "connection refused";
        }
        return "connection failed";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Where the next page starts, taken from TaskRouter's {@code next_page_url}. */
    record PageCursor(Integer page, String token) {

        static final PageCursor FIRST = new PageCursor(null, null);

        /** The cursor named by {@code nextPageUrl}, or null when there is no next page. */
        static PageCursor after(String nextPageUrl) {
            if (nextPageUrl == null || nextPageUrl.isBlank()) {
                return null;
            }
            Map<String, String> query = new HashMap<>();
            String rawQuery;
            try {
                rawQuery = URI.create(nextPageUrl).getRawQuery();
            } catch (IllegalArgumentException notAUrl) {
                LOG.warnf("TaskRouter sent a next_page_url that is not a URL; stopping at this page");
                return null;
            }
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            Integer page = query.containsKey("Page") && query.get("Page").matches("\\d{1,9}")
                    ? Integer.valueOf(query.get("Page")) : null;
            String token = query.get("PageToken");
            return page == null && token == null ? null : new PageCursor(page, token);
        }
    }
}
