package org.taskrouter.assignment.taskrouter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.TwilioConfig;
import org.taskrouter.assignment.taskrouter.TaskRouterCallPolicy.Safety;
import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

import io.smallrye.mutiny.Uni;

/**
 * The TaskRouter REST API for the rest of the service: one Workspace, one operation a method, lists gathered
 * across pages; how each call is timed and retried is {@link TaskRouterCallPolicy}'s. Failures arrive as
 * {@link TaskRouterException}, {@link TaskRouterUnavailableException} or {@link TaskRouterNotConfiguredException}.
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
    private final TaskRouterCallPolicy policy;

    public TaskRouterClient(@RestClient TaskRouterRestClient api, TwilioConfig twilio, TaskRouterCallPolicy policy) {
        this.api = api;
        this.twilio = twilio;
        this.policy = policy;
    }

    /** Creates a Task in the configured Workflow; {@code attributes} is a JSON object's text. */
    public Uni<Task> createTask(String attributes, Integer priority, Integer timeout, String taskChannel) {
        String workflowSid = require(twilio.workflowSid(), "TWILIO_WORKFLOW_SID");
        return policy.call("create_task", Safety.ONLY_IF_UNSENT,
                () -> api.createTask(workspace(), workflowSid, attributes, priority, timeout, taskChannel));
    }

    /** A Task and its ETag. */
    public Uni<VersionedTask> fetchTask(String taskSid) {
        return policy.call("fetch_task", Safety.IDEMPOTENT, () -> api.fetchTask(workspace(), taskSid))
                .map(response -> new VersionedTask(response.getEntity(), response.getHeaderString("ETag")));
    }

    /** All Tasks in any of the given assignment states. */
    public Uni<List<Task>> listTasks(List<String> assignmentStatus) {
        String workspace = workspace();
        return gather("list_tasks",
                cursor -> api.listTasks(workspace, assignmentStatus, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** The Workspace's events since {@code since}, as TaskRouter lists them, across pages. */
    public Uni<List<WorkspaceEvent>> listEvents(Instant since) {
        String workspace = workspace();
        return gather("list_events",
                cursor -> api.listEvents(workspace, since.toString(), PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** Changes a Task's assignment status, only if it still has {@code etag} when one is given. */
    public Uni<Task> updateTaskStatus(String taskSid, String etag, TaskAssignmentStatus assignmentStatus,
            String reason) {
        // Not resent after a lost answer: the second try would be refused and report a success as a conflict.
        return policy.call("update_task", Safety.ONLY_IF_UNSENT,
                () -> api.updateTask(workspace(), taskSid, etag, assignmentStatus.wire(), reason));
    }

    /** All Reservations of a Task, in the given status or in any when null. */
    public Uni<List<Reservation>> listTaskReservations(String taskSid, String status) {
        String workspace = workspace();
        return gather("list_task_reservations",
                cursor -> api.listTaskReservations(workspace, taskSid, status, PAGE_SIZE, cursor.page(),
                        cursor.token()));
    }

    /** Reservations in the given status across every Worker of the Workspace, oldest first. */
    public Uni<List<Reservation>> listReservations(String status) {
        String workspace = workspace();
        return listWorkers().flatMap(workers -> {
            // A Worker deleted since the list was read has no Reservations; a 404 must not fail the whole list.
            List<Uni<List<Reservation>>> perWorker = new ArrayList<>();
            for (Worker worker : workers) {
                perWorker.add(gather("list_worker_reservations",
                        cursor -> api.listWorkerReservations(workspace, worker.sid(), status, PAGE_SIZE,
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
                all.sort(Comparator.comparing(Reservation::dateCreated,
                        Comparator.nullsLast(Comparator.naturalOrder())));
                return all;
            });
        });
    }

    /** Accepts a pending Reservation. */
    public Uni<Reservation> acceptReservation(String taskSid, String reservationSid) {
        return policy.call("accept_reservation", Safety.ONLY_IF_UNSENT,
                () -> api.updateReservation(workspace(), taskSid, reservationSid, ReservationStatus.ACCEPTED.wire(),
                        null));
    }

    /** Rejects a pending Reservation, optionally moving the Worker to another Activity. */
    public Uni<Reservation> rejectReservation(String taskSid, String reservationSid, String workerActivitySid) {
        return policy.call("reject_reservation", Safety.ONLY_IF_UNSENT,
                () -> api.updateReservation(workspace(), taskSid, reservationSid, ReservationStatus.REJECTED.wire(),
                        workerActivitySid));
    }

    /** All Workers with their current Activity. */
    public Uni<List<Worker>> listWorkers() {
        String workspace = workspace();
        return gather("list_workers", cursor -> api.listWorkers(workspace, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** Moves a Worker to another Activity. */
    public Uni<Worker> updateWorkerActivity(String workerSid, String activitySid) {
        return policy.call("update_worker", Safety.IDEMPOTENT,
                () -> api.updateWorkerActivity(workspace(), workerSid, activitySid));
    }

    /** All Activities of the Workspace. */
    public Uni<List<Activity>> listActivities() {
        String workspace = workspace();
        return gather("list_activities",
                cursor -> api.listActivities(workspace, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** Creates an Activity. */
    public Uni<Activity> createActivity(String friendlyName, boolean available) {
        return policy.call("create_activity", Safety.ONLY_IF_UNSENT,
                () -> api.createActivity(workspace(), friendlyName, available));
    }

    /** All TaskQueues of the Workspace. */
    public Uni<List<TaskQueue>> listTaskQueues() {
        String workspace = workspace();
        return gather("list_task_queues",
                cursor -> api.listTaskQueues(workspace, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** A TaskQueue's RealTimeStatistics. */
    public Uni<TaskQueueStatistics> taskQueueStatistics(String taskQueueSid) {
        return policy.call("fetch_task_queue_statistics", Safety.IDEMPOTENT,
                () -> api.fetchTaskQueueStatistics(workspace(), taskQueueSid));
    }

    /** Creates a TaskQueue. */
    public Uni<TaskQueue> createTaskQueue(String friendlyName, String targetWorkers, String reservationActivitySid,
            String assignmentActivitySid) {
        return policy.call("create_task_queue", Safety.ONLY_IF_UNSENT,
                () -> api.createTaskQueue(workspace(), friendlyName, targetWorkers, reservationActivitySid,
                        assignmentActivitySid));
    }

    /** Creates a Worker. */
    public Uni<Worker> createWorker(String friendlyName, String attributes, String activitySid) {
        return policy.call("create_worker", Safety.ONLY_IF_UNSENT,
                () -> api.createWorker(workspace(), friendlyName, attributes, activitySid));
    }

    /** All Workflows of the Workspace. */
    public Uni<List<Workflow>> listWorkflows() {
        String workspace = workspace();
        return gather("list_workflows",
                cursor -> api.listWorkflows(workspace, PAGE_SIZE, cursor.page(), cursor.token()));
    }

    /** Creates a Workflow. */
    public Uni<Workflow> createWorkflow(String friendlyName, String configuration, String assignmentCallbackUrl,
            String fallbackAssignmentCallbackUrl, Integer taskReservationTimeout) {
        return policy.call("create_workflow", Safety.ONLY_IF_UNSENT,
                () -> api.createWorkflow(workspace(), friendlyName, configuration,
                        assignmentCallbackUrl, fallbackAssignmentCallbackUrl, taskReservationTimeout));
    }

    /** Points an existing Workflow at the given routing and callbacks. */
    public Uni<Workflow> updateWorkflow(String workflowSid, String configuration, String assignmentCallbackUrl,
            String fallbackAssignmentCallbackUrl, Integer taskReservationTimeout) {
        return policy.call("update_workflow", Safety.IDEMPOTENT,
                () -> api.updateWorkflow(workspace(), workflowSid, configuration,
                        assignmentCallbackUrl, fallbackAssignmentCallbackUrl, taskReservationTimeout));
    }

    /**
     * Reads the configured Workspace once, without retries: for the readiness check, which asks again later. Fails
     * as the REST client does ({@link TaskRouterException} for an error status).
     */
    public Uni<Workspace> fetchWorkspaceOnce() {
        return policy.once("fetch_workspace", () -> api.fetchWorkspace(workspace()));
    }

    /** Sets the Workspace's Event Callback URL and timeout Activity. */
    public Uni<Workspace> updateWorkspace(String eventCallbackUrl, String timeoutActivitySid) {
        return policy.call("update_workspace", Safety.IDEMPOTENT,
                () -> api.updateWorkspace(workspace(), eventCallbackUrl, timeoutActivitySid));
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

    private static String require(Optional<String> value, String variable) {
        return value.orElseThrow(() -> new TaskRouterNotConfiguredException(
                "TaskRouter is not configured: set " + variable + " (see .env.example)"));
    }

    /** Every item of a list, page after page, each page one call named {@code operation}. */
    private <T> Uni<List<T>> gather(String operation, Function<PageCursor, Uni<? extends Page<T>>> fetchPage) {
        return gatherFrom(operation, fetchPage, PageCursor.FIRST, new ArrayList<>(), 1);
    }

    private <T> Uni<List<T>> gatherFrom(String operation, Function<PageCursor, Uni<? extends Page<T>>> fetchPage,
            PageCursor cursor, List<T> gathered, int pages) {
        return policy.call(operation, Safety.IDEMPOTENT, () -> fetchPage.apply(cursor)).flatMap(page -> {
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
            return gatherFrom(operation, fetchPage, next, gathered, pages + 1);
        });
    }
}
