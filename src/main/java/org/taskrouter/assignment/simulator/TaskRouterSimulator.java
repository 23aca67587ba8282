package org.taskrouter.assignment.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.PublicUrlConfig;
import org.taskrouter.assignment.simulator.expression.ExpressionException;
import org.taskrouter.assignment.simulator.expression.TargetExpression;
import org.taskrouter.assignment.workspace.ActivityDefinition;
import org.taskrouter.assignment.workspace.TaskQueueDefinition;
import org.taskrouter.assignment.workspace.WorkerDefinition;
import org.taskrouter.assignment.workspace.WorkflowDefinition;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The embedded TaskRouter: one Workspace, seeded from the quickstart's definition, driven through the same REST
 * operations as TaskRouter and calling the service back the same way.
 *
 * <p>Every change happens under one lock, held only for in-memory work: HTTP callbacks are sent after it is
 * released and their answers come back as new locked operations. Events are queued under the lock, so they go
 * out in the order things happened. Timers (Reservation timeouts, Task TTLs) run on one scheduler thread.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class TaskRouterSimulator {

    private static final Logger LOG = Logger.getLogger(TaskRouterSimulator.class);
    private static final int MAX_TASK_TIMEOUT = 1_209_600;
    private static final int DEFAULT_TASK_TIMEOUT = 86_400;

    private final SimulatorConfig config;
    private final SimulatorCredentials credentials;
    private final CallbackDelivery delivery;
    private final PublicUrlConfig publicUrl;
    private final WorkspaceDefinition definition;
    private final ScheduledThreadPoolExecutor timers;
    private final ReentrantLock lock = new ReentrantLock();
    /** Seeded on first use, when the HTTP port is known; replaced wholesale by {@link #reset()}. */
    private WorkspaceState workspace;

    @Inject
    TaskRouterSimulator(SimulatorConfig config, SimulatorCredentials credentials, CallbackDelivery delivery,
            PublicUrlConfig publicUrl) {
        this.config = config;
        this.credentials = credentials;
        this.delivery = delivery;
        this.publicUrl = publicUrl;
        this.definition = WorkspaceDefinition.loadQuickstart();
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "taskrouter-simulator-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Reservations mostly end before they time out: drop their cancelled timers instead of keeping them queued.
        timers.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }

    /** The definition the Workspace is seeded from. */
    public WorkspaceDefinition definition() {
        return definition;
    }

    /** Forgets every Task and change and seeds the Workspace afresh; for tests, which each want a known start. */
    public void reset() {
        lock.lock();
        try {
            if (workspace != null) {
                workspace.tasks.values().forEach(this::cancelTimers);
            }
            workspace = seed(Instant.now());
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Workspace
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /v1/Workspaces/{Sid}}. */
    public TaskRouterJson.Workspace fetchWorkspace(String base, String workspaceSid) {
        return read(workspaceSid, (ws, now) -> views(base, ws).workspace());
    }

    /** POST {@code /v1/Workspaces/{Sid}}: FriendlyName, EventCallbackUrl, DefaultActivitySid, TimeoutActivitySid. */
    public TaskRouterJson.Workspace updateWorkspace(String base, String workspaceSid, Params form) {
        return change(workspaceSid, (ws, out) -> {
            ActivityState defaultActivity = optionalActivity(ws, form, "DefaultActivitySid");
            ActivityState timeoutActivity = optionalActivity(ws, form, "TimeoutActivitySid");
            String callbackUrl = form.string("EventCallbackUrl");
            if (callbackUrl != null && !callbackUrl.isBlank()) {
                requireUrl("EventCallbackUrl", callbackUrl);
            }
            if (form.has("FriendlyName") && !form.string("FriendlyName").isBlank()) {
                ws.friendlyName = form.string("FriendlyName");
            }
            if (callbackUrl != null) {
                ws.eventCallbackUrl = callbackUrl.isBlank() ? null : callbackUrl;
            }
            if (defaultActivity != null) {
                ws.defaultActivity = defaultActivity;
            }
            if (timeoutActivity != null) {
                ws.timeoutActivity = timeoutActivity;
            }
            ws.updated = out.now;
            return views(base, ws).workspace();
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Activities
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /Activities}: FriendlyName and Available filters. */
    public TaskRouterJson.Page<TaskRouterJson.Activity> listActivities(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> {
            String name = query.string("FriendlyName");
            Boolean available = query.bool("Available");
            List<ActivityState> matching = ws.activities.values().stream()
                    .filter(a -> name == null || a.friendlyName.equals(name))
                    .filter(a -> available == null || a.available == available)
                    .toList();
            Representations views = views(base, ws);
            return Paging.page(matching, a -> a.seq, views::activity, query, views.collectionUrl("Activities"), "activities");
        });
    }

    /** GET {@code /Activities/{Sid}}. */
    public TaskRouterJson.Activity fetchActivity(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> views(base, ws).activity(found(ws, ws.activities, "Activities", sid)));
    }

    /** POST {@code /Activities}: FriendlyName (required), Available. */
    public TaskRouterJson.Activity createActivity(String base, String workspaceSid, Params form) {
        return change(workspaceSid, (ws, out) -> {
            String name = required(form, "FriendlyName");
            Boolean available = form.bool("Available");
            ActivityState activity = new ActivityState(Sids.random("WA"), ws.next(), name,
                    available != null && available, out.now);
            ws.activities.put(activity.sid, activity);
            return views(base, ws).activity(activity);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // TaskQueues
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /TaskQueues}: FriendlyName filter. */
    public TaskRouterJson.Page<TaskRouterJson.TaskQueue> listTaskQueues(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> {
            String name = query.string("FriendlyName");
            List<TaskQueueState> matching = ws.queues.values().stream()
                    .filter(q -> name == null || q.friendlyName.equals(name)).toList();
            Representations views = views(base, ws);
            return Paging.page(matching, q -> q.seq, views::queue, query, views.collectionUrl("TaskQueues"), "task_queues");
        });
    }

    /** GET {@code /TaskQueues/{Sid}}. */
    public TaskRouterJson.TaskQueue fetchTaskQueue(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> views(base, ws).queue(found(ws, ws.queues, "TaskQueues", sid)));
    }

    /** POST {@code /TaskQueues} (create) or {@code /TaskQueues/{Sid}} (update, when {@code sid} is not null). */
    public TaskRouterJson.TaskQueue saveTaskQueue(String base, String workspaceSid, String sid, Params form) {
        return change(workspaceSid, (ws, out) -> {
            TaskQueueState existing = sid == null ? null : found(ws, ws.queues, "TaskQueues", sid);
            String name = existing == null ? required(form, "FriendlyName") : form.string("FriendlyName");
            TargetExpression target = null;
            if (form.has("TargetWorkers") || existing == null) {
                String text = form.string("TargetWorkers");
                target = expression("TargetWorkers", text == null || text.isBlank() ? "1==1" : text);
            }
            String order = form.string("TaskOrder");
            if (order != null && !order.equals("FIFO") && !order.equals("LIFO")) {
                throw TwilioApiException.badRequest("Invalid TaskOrder: " + order + " is not FIFO or LIFO");
            }
            ActivityState reservation = optionalActivity(ws, form, "ReservationActivitySid");
            ActivityState assignment = optionalActivity(ws, form, "AssignmentActivitySid");
            if (existing == null) {
                TaskQueueState queue = new TaskQueueState(Sids.random("WQ"), ws.next(), name, target,
                        order == null ? "FIFO" : order, reservation, assignment, out.now);
                ws.queues.put(queue.sid, queue);
                return views(base, ws).queue(queue);
            }
            if (name != null && !name.isBlank()) {
                existing.friendlyName = name;
            }
            if (target != null) {
                existing.targetWorkers = target;
            }
            if (order != null) {
                existing.taskOrder = order;
            }
            if (reservation != null) {
                existing.reservationActivity = reservation;
            }
            if (assignment != null) {
                existing.assignmentActivity = assignment;
            }
            existing.updated = out.now;
            dispatch(ws, out);
            return views(base, ws).queue(existing);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Workflows
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /Workflows}: FriendlyName filter. */
    public TaskRouterJson.Page<TaskRouterJson.Workflow> listWorkflows(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> {
            String name = query.string("FriendlyName");
            List<WorkflowState> matching = ws.workflows.values().stream()
                    .filter(w -> name == null || w.friendlyName.equals(name)).toList();
            Representations views = views(base, ws);
            return Paging.page(matching, w -> w.seq, views::workflow, query, views.collectionUrl("Workflows"), "workflows");
        });
    }

    /** GET {@code /Workflows/{Sid}}. */
    public TaskRouterJson.Workflow fetchWorkflow(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> views(base, ws).workflow(found(ws, ws.workflows, "Workflows", sid)));
    }

    /**
     * POST {@code /Workflows} (create) or {@code /Workflows/{Sid}} (update, when {@code sid} is not null):
     * FriendlyName, Configuration, AssignmentCallbackUrl, FallbackAssignmentCallbackUrl, TaskReservationTimeout.
     */
    public TaskRouterJson.Workflow saveWorkflow(String base, String workspaceSid, String sid, Params form) {
        return change(workspaceSid, (ws, out) -> {
            WorkflowState existing = sid == null ? null : found(ws, ws.workflows, "Workflows", sid);
            String name = existing == null ? required(form, "FriendlyName") : form.string("FriendlyName");
            String configuration = existing == null ? required(form, "Configuration") : form.string("Configuration");
            WorkflowRouting routing = configuration == null ? null : WorkflowRouting.parse(configuration, ws.queues::get);
            String callback = form.string("AssignmentCallbackUrl");
            String fallback = form.string("FallbackAssignmentCallbackUrl");
            if (callback != null && !callback.isBlank()) {
                requireUrl("AssignmentCallbackUrl", callback);
            }
            if (fallback != null && !fallback.isBlank()) {
                requireUrl("FallbackAssignmentCallbackUrl", fallback);
            }
            Integer timeout = form.has("TaskReservationTimeout")
                    ? form.integer("TaskReservationTimeout", 1, 86_400, WorkflowDefinition.DEFAULT_TASK_RESERVATION_TIMEOUT)
                    : null;
            if (existing == null) {
                WorkflowState workflow = new WorkflowState(Sids.random("WW"), ws.next(), name, configuration, routing,
                        blankToNull(callback), blankToNull(fallback),
                        Duration.ofSeconds(timeout == null ? WorkflowDefinition.DEFAULT_TASK_RESERVATION_TIMEOUT : timeout),
                        out.now);
                ws.workflows.put(workflow.sid, workflow);
                return views(base, ws).workflow(workflow);
            }
            if (name != null && !name.isBlank()) {
                existing.friendlyName = name;
            }
            if (routing != null) {
                existing.configuration = configuration;
                existing.routing = routing;
            }
            if (callback != null) {
                existing.assignmentCallbackUrl = blankToNull(callback);
            }
            if (fallback != null) {
                existing.fallbackAssignmentCallbackUrl = blankToNull(fallback);
            }
            if (timeout != null) {
                existing.reservationTimeout = Duration.ofSeconds(timeout);
            }
            existing.updated = out.now;
            return views(base, ws).workflow(existing);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Workers
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /Workers}: ActivitySid, ActivityName, Available, FriendlyName, TargetWorkersExpression, TaskQueueSid. */
    public TaskRouterJson.Page<TaskRouterJson.Worker> listWorkers(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> {
            String activitySid = query.string("ActivitySid");
            String activityName = query.string("ActivityName");
            Boolean available = query.bool("Available");
            String name = query.string("FriendlyName");
            String expressionText = query.string("TargetWorkersExpression");
            TargetExpression expression = expressionText == null || expressionText.isBlank() ? null
                    : expression("TargetWorkersExpression", expressionText);
            String queueSid = query.string("TaskQueueSid");
            TaskQueueState queue = queueSid == null ? null : ws.queues.get(queueSid);
            if (queueSid != null && queue == null) {
                throw TwilioApiException.badRequest("Invalid TaskQueueSid: " + queueSid + " is not a TaskQueue of this Workspace");
            }
            List<WorkerState> matching = ws.workers.values().stream()
                    .filter(w -> activitySid == null || w.activity.sid.equals(activitySid))
                    .filter(w -> activityName == null || w.activity.friendlyName.equals(activityName))
                    .filter(w -> available == null || w.activity.available == available)
                    .filter(w -> name == null || w.friendlyName.equals(name))
                    .filter(w -> expression == null || expression.matches(w.attributes))
                    .filter(w -> queue == null || queue.targetWorkers.matches(w.attributes))
                    .toList();
            Representations views = views(base, ws);
            return Paging.page(matching, w -> w.seq, views::worker, query, views.collectionUrl("Workers"), "workers");
        });
    }

    /** GET {@code /Workers/{Sid}}. */
    public TaskRouterJson.Worker fetchWorker(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> views(base, ws).worker(found(ws, ws.workers, "Workers", sid)));
    }

    /** POST {@code /Workers}: FriendlyName (required), Attributes, ActivitySid. */
    public TaskRouterJson.Worker createWorker(String base, String workspaceSid, Params form) {
        return change(workspaceSid, (ws, out) -> {
            String name = required(form, "FriendlyName");
            JsonNode attributes = form.jsonObject("Attributes");
            ActivityState activity = optionalActivity(ws, form, "ActivitySid");
            WorkerState worker = new WorkerState(Sids.random("WK"), ws.next(), name,
                    attributes == null ? "{}" : form.string("Attributes"),
                    attributes == null ? Params.parseObject("Attributes", "{}") : attributes,
                    activity == null ? ws.defaultActivity : activity, out.now);
            ws.workers.put(worker.sid, worker);
            dispatch(ws, out);
            return views(base, ws).worker(worker);
        });
    }

    /**
     * POST {@code /Workers/{Sid}}: ActivitySid, Attributes, FriendlyName, RejectPendingReservations. Moving to an
     * available Activity offers the Worker waiting Tasks at once; pending Reservations stay unless
     * RejectPendingReservations is true.
     */
    public TaskRouterJson.Worker updateWorker(String base, String workspaceSid, String sid, Params form) {
        return change(workspaceSid, (ws, out) -> {
            WorkerState worker = found(ws, ws.workers, "Workers", sid);
            ActivityState activity = optionalActivity(ws, form, "ActivitySid");
            JsonNode attributes = form.jsonObject("Attributes");
            Boolean rejectPending = form.bool("RejectPendingReservations");
            if (form.has("FriendlyName") && !form.string("FriendlyName").isBlank()) {
                worker.friendlyName = form.string("FriendlyName");
            }
            if (attributes != null) {
                worker.attributesText = form.string("Attributes");
                worker.attributes = attributes;
            }
            worker.updated = out.now;
            if (activity != null) {
                setActivity(ws, worker, activity, out);
            }
            if (Boolean.TRUE.equals(rejectPending) && worker.pending != null) {
                ReservationState pending = worker.pending;
                pending.status = ReservationStatus.REJECTED;
                pending.task.rejectedBy.add(worker.sid);
                // The Worker keeps the Activity it was just given.
                endUnaccepted(ws, pending, null, false, out);
                reservationEvent(ws, "reservation.rejected", pending, "Reservation rejected with the Worker's activity change", out);
            }
            dispatch(ws, out);
            return views(base, ws).worker(worker);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tasks
    // ---------------------------------------------------------------------------------------------------------

    /** POST {@code /Tasks}: Attributes, WorkflowSid, Priority, Timeout, TaskChannel. The Task is routed at once. */
    public TaskRouterJson.VersionedTask createTask(String base, String workspaceSid, Params form) {
        return change(workspaceSid, (ws, out) -> {
            JsonNode attributes = form.jsonObject("Attributes");
            String attributesText = attributes == null ? "{}" : form.string("Attributes");
            if (attributes == null) {
                attributes = Params.parseObject("Attributes", attributesText);
            }
            WorkflowState workflow = workflowFor(ws, form.string("WorkflowSid"));
            boolean priorityGiven = form.has("Priority") && !form.string("Priority").isBlank();
            int priority = form.integer("Priority", 0, Integer.MAX_VALUE, 0);
            int timeout = form.integer("Timeout", 1, MAX_TASK_TIMEOUT, DEFAULT_TASK_TIMEOUT);
            String channel = form.string("TaskChannel");
            TaskState task = new TaskState(Sids.random("WT"), ws.next(), workflow,
                    channel == null || channel.isBlank() ? "default" : channel, timeout, attributesText, attributes,
                    priority, out.now);
            ws.tasks.put(task.sid, task);
            taskEvent(ws, "task.created", task, "Task " + task.sid + " created", out);
            route(ws, task, !priorityGiven, out);
            TaskState created = task;
            task.ttl = timers.schedule(() -> internal(ws, inner -> {
                if (created.status == TaskStatus.PENDING || created.status == TaskStatus.RESERVED) {
                    cancelTask(ws, created, "Task TTL Exceeded", inner);
                }
            }), timeout, TimeUnit.SECONDS);
            dispatch(ws, out);
            return versioned(base, ws, task, out.now);
        });
    }

    /** GET {@code /Tasks/{Sid}}, with its ETag. */
    public TaskRouterJson.VersionedTask fetchTask(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> versioned(base, ws, found(ws, ws.tasks, "Tasks", sid), now));
    }

    /** GET {@code /Tasks}: AssignmentStatus (repeated or comma-separated), WorkflowSid, TaskQueueSid, Priority. */
    public TaskRouterJson.Page<TaskRouterJson.Task> listTasks(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> {
            Set<TaskStatus> statuses = query.all("AssignmentStatus").stream().map(text -> {
                TaskStatus status = TaskStatus.fromWire(text);
                if (status == null) {
                    throw TwilioApiException.badRequest("Invalid AssignmentStatus: " + text + " is not one of "
                            + "pending, reserved, assigned, canceled, completed, wrapping");
                }
                return status;
            }).collect(Collectors.toSet());
            String workflowSid = query.string("WorkflowSid");
            String queueSid = query.string("TaskQueueSid");
            String priorityText = query.string("Priority");
            Integer priority = priorityText == null ? null : query.integer("Priority", 0, Integer.MAX_VALUE, 0);
            List<TaskState> matching = ws.tasks.values().stream()
                    .filter(t -> statuses.isEmpty() || statuses.contains(t.status))
                    .filter(t -> workflowSid == null || t.workflow.sid.equals(workflowSid))
                    .filter(t -> queueSid == null || (t.queue != null && t.queue.sid.equals(queueSid)))
                    .filter(t -> priority == null || t.priority == priority)
                    .toList();
            Representations views = views(base, ws);
            return Paging.page(matching, t -> t.seq, t -> views.task(t, now), query, views.collectionUrl("Tasks"), "tasks");
        });
    }

    /**
     * POST {@code /Tasks/{Sid}}: AssignmentStatus (canceled, wrapping or completed), Reason, Attributes, Priority,
     * checked against {@code If-Match} when given.
     */
    public TaskRouterJson.VersionedTask updateTask(String base, String workspaceSid, String sid, String ifMatch, Params form) {
        return change(workspaceSid, (ws, out) -> {
            TaskState task = found(ws, ws.tasks, "Tasks", sid);
            checkIfMatch(task, ifMatch);
            String statusText = form.string("AssignmentStatus");
            TaskStatus status = null;
            if (statusText != null && !statusText.isBlank()) {
                status = TaskStatus.fromWire(statusText);
                if (status == null) {
                    throw TwilioApiException.badRequest("Invalid AssignmentStatus: " + statusText
                            + " is not one of pending, reserved, assigned, canceled, completed, wrapping");
                }
                if (status != TaskStatus.CANCELED && status != TaskStatus.WRAPPING && status != TaskStatus.COMPLETED) {
                    throw TwilioApiException.badRequest("Task " + task.sid + " cannot be set to " + statusText
                            + ": only canceled, wrapping and completed can be set");
                }
            }
            JsonNode attributes = form.jsonObject("Attributes");
            boolean priorityGiven = form.has("Priority") && !form.string("Priority").isBlank();
            int priority = form.integer("Priority", 0, Integer.MAX_VALUE, task.priority);
            String reason = form.string("Reason");
            if (status == null && task.finished() && (attributes != null || priorityGiven)) {
                throw TwilioApiException.badRequest("Task " + task.sid + " cannot be updated: it is " + task.status.wire());
            }
            if (status != null) {
                checkTransition(task, status);
            }
            if (attributes != null) {
                task.attributesText = form.string("Attributes");
                task.attributes = attributes;
                task.touch(out.now);
                if (task.status == TaskStatus.PENDING) {
                    // TaskRouter re-evaluates the Workflow when a waiting Task's attributes change.
                    route(ws, task, !priorityGiven, out);
                }
            }
            if (priorityGiven && priority != task.priority) {
                task.priority = priority;
                task.touch(out.now);
            }
            if (status == TaskStatus.CANCELED) {
                cancelTask(ws, task, reason, out);
            } else if (status == TaskStatus.WRAPPING) {
                wrapUpTask(ws, task, reason, out);
            } else if (status == TaskStatus.COMPLETED) {
                completeTask(ws, task, reason, out);
            } else if (reason != null) {
                task.reason = reason;
                task.touch(out.now);
            }
            dispatch(ws, out);
            return versioned(base, ws, task, out.now);
        });
    }

    /** DELETE {@code /Tasks/{Sid}}: a pending Reservation is canceled and the Worker's capacity freed. */
    public void deleteTask(String workspaceSid, String sid, String ifMatch) {
        change(workspaceSid, (ws, out) -> {
            TaskState task = found(ws, ws.tasks, "Tasks", sid);
            checkIfMatch(task, ifMatch);
            for (ReservationState reservation : task.reservations) {
                if (reservation.status == ReservationStatus.PENDING) {
                    reservation.status = ReservationStatus.CANCELED;
                    endUnaccepted(ws, reservation, null, true, out);
                    reservationEvent(ws, "reservation.canceled", reservation, "Reservation canceled: its Task was deleted", out);
                }
                if (reservation.worker.holding == task) {
                    freeCapacity(ws, reservation.worker);
                }
                ws.reservations.remove(reservation.sid);
            }
            cancelTimers(task);
            ws.tasks.remove(task.sid);
            taskEvent(ws, "task.deleted", task, "Task " + task.sid + " deleted", out);
            dispatch(ws, out);
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reservations
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /Tasks/{TaskSid}/Reservations}: ReservationStatus and WorkerSid filters. */
    public TaskRouterJson.Page<TaskRouterJson.Reservation> listTaskReservations(String base, String workspaceSid,
            String taskSid, Params query) {
        return read(workspaceSid, (ws, now) -> {
            TaskState task = found(ws, ws.tasks, "Tasks", taskSid);
            ReservationStatus status = reservationStatusFilter(query);
            String workerSid = query.string("WorkerSid");
            List<ReservationState> matching = task.reservations.stream()
                    .filter(r -> status == null || r.status == status)
                    .filter(r -> workerSid == null || r.worker.sid.equals(workerSid))
                    .toList();
            Representations views = views(base, ws);
            return Paging.page(matching, r -> r.seq, views::taskReservation, query,
                    views.collectionUrl("Tasks/" + task.sid + "/Reservations"), "reservations");
        });
    }

    /** GET {@code /Workers/{WorkerSid}/Reservations}: ReservationStatus filter. */
    public TaskRouterJson.Page<TaskRouterJson.Reservation> listWorkerReservations(String base, String workspaceSid,
            String workerSid, Params query) {
        return read(workspaceSid, (ws, now) -> {
            WorkerState worker = found(ws, ws.workers, "Workers", workerSid);
            ReservationStatus status = reservationStatusFilter(query);
            List<ReservationState> matching = ws.reservations.values().stream()
                    .filter(r -> r.worker == worker)
                    .filter(r -> status == null || r.status == status)
                    .toList();
            Representations views = views(base, ws);
            return Paging.page(matching, r -> r.seq, views::workerReservation, query,
                    views.collectionUrl("Workers/" + worker.sid + "/Reservations"), "reservations");
        });
    }

    /** GET {@code /Tasks/{TaskSid}/Reservations/{Sid}}. */
    public TaskRouterJson.Reservation fetchTaskReservation(String base, String workspaceSid, String taskSid, String sid) {
        return read(workspaceSid, (ws, now) -> views(base, ws).taskReservation(taskReservation(ws, taskSid, sid)));
    }

    /** GET {@code /Workers/{WorkerSid}/Reservations/{Sid}}. */
    public TaskRouterJson.Reservation fetchWorkerReservation(String base, String workspaceSid, String workerSid, String sid) {
        return read(workspaceSid, (ws, now) -> views(base, ws).workerReservation(workerReservation(ws, workerSid, sid)));
    }

    /** POST {@code /Tasks/{TaskSid}/Reservations/{Sid}}: ReservationStatus or Instruction, WorkerActivitySid. */
    public TaskRouterJson.Reservation updateTaskReservation(String base, String workspaceSid, String taskSid, String sid,
            Params form) {
        return change(workspaceSid, (ws, out) -> {
            ReservationState reservation = taskReservation(ws, taskSid, sid);
            answerReservation(ws, reservation, form, out);
            return views(base, ws).taskReservation(reservation);
        });
    }

    /** POST {@code /Workers/{WorkerSid}/Reservations/{Sid}}: as for the Task's view of the Reservation. */
    public TaskRouterJson.Reservation updateWorkerReservation(String base, String workspaceSid, String workerSid,
            String sid, Params form) {
        return change(workspaceSid, (ws, out) -> {
            ReservationState reservation = workerReservation(ws, workerSid, sid);
            answerReservation(ws, reservation, form, out);
            return views(base, ws).workerReservation(reservation);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // The state machine
    // ---------------------------------------------------------------------------------------------------------

    private void answerReservation(WorkspaceState ws, ReservationState reservation, Params form, Outbox out) {
        String statusText = form.string("ReservationStatus");
        String instruction = form.string("Instruction");
        ReservationStatus wanted;
        if (statusText != null && !statusText.isBlank()) {
            wanted = ReservationStatus.fromWire(statusText);
            if (wanted == null) {
                throw TwilioApiException.badRequest("Invalid ReservationStatus: " + statusText + " is not one of pending, "
                        + "accepted, rejected, timeout, canceled, rescinded, wrapping, completed");
            }
            if (wanted != ReservationStatus.ACCEPTED && wanted != ReservationStatus.REJECTED) {
                throw TwilioApiException.badRequest("Reservation " + reservation.sid + " cannot be set to " + statusText
                        + ": only accepted and rejected can be set");
            }
        } else if (instruction != null && !instruction.isBlank()) {
            AssignmentAnswer answer = AssignmentAnswer.parse("{\"instruction\":\"" + instruction.replace("\"", "") + "\"}");
            if (answer == null || answer.kind() == AssignmentAnswer.Kind.DEFER) {
                throw TwilioApiException.badRequest("Invalid Instruction: " + instruction
                        + " is not one of accept, reject, dequeue, call, redirect, conference");
            }
            wanted = answer.kind() == AssignmentAnswer.Kind.ACCEPT ? ReservationStatus.ACCEPTED : ReservationStatus.REJECTED;
        } else {
            throw TwilioApiException.badRequest("Missing required parameter ReservationStatus in the post body");
        }
        ActivityState activity = optionalActivity(ws, form, "WorkerActivitySid");
        if (reservation.status != ReservationStatus.PENDING) {
            throw TwilioApiException.badRequest("Reservation " + reservation.sid + " is not pending: it is "
                    + reservation.status.wire());
        }
        if (wanted == ReservationStatus.ACCEPTED) {
            accept(ws, reservation, activity, out);
        } else {
            reject(ws, reservation, activity, out);
        }
        dispatch(ws, out);
    }

    /** Puts the Task in the queue its Workflow picks for its attributes. */
    private void route(WorkspaceState ws, TaskState task, boolean targetSetsPriority, Outbox out) {
        WorkflowRouting.Target target = task.workflow.routing.route(task.attributes);
        if (target == null) {
            // No filter matched and there is no default filter: the Task waits outside every queue.
            task.queue = null;
            return;
        }
        if (targetSetsPriority && target.priority() != null) {
            task.priority = target.priority();
        }
        if (task.queue != target.queue()) {
            task.queue = target.queue();
            task.queueEntered = out.now;
            task.queueOrder = ws.next();
            taskEvent(ws, "task-queue.entered", task, "Task " + task.sid + " entered TaskQueue " + task.queue.friendlyName, out);
        }
    }

    /**
     * Offers waiting Tasks to idle Workers: highest priority first, then queue order (FIFO or LIFO); for each Task
     * the longest-idle eligible Worker that has not rejected it.
     */
    private void dispatch(WorkspaceState ws, Outbox out) {
        List<WorkerState> idle = new ArrayList<>();
        for (WorkerState worker : ws.workers.values()) {
            if (worker.idle()) {
                idle.add(worker);
            }
        }
        if (idle.isEmpty()) {
            return;
        }
        idle.sort(Comparator.comparingLong(w -> w.idleOrder));
        List<TaskState> waiting = new ArrayList<>();
        for (TaskState task : ws.tasks.values()) {
            if (task.status == TaskStatus.PENDING && task.queue != null) {
                waiting.add(task);
            }
        }
        waiting.sort(Comparator.<TaskState>comparingInt(t -> -t.priority)
                .thenComparingLong(t -> "LIFO".equals(t.queue.taskOrder) ? -t.queueOrder : t.queueOrder));
        for (TaskState task : waiting) {
            if (idle.isEmpty()) {
                return;
            }
            for (Iterator<WorkerState> it = idle.iterator(); it.hasNext();) {
                WorkerState worker = it.next();
                if (!task.rejectedBy.contains(worker.sid) && task.queue.targetWorkers.matches(worker.attributes)) {
                    it.remove();
                    reserve(ws, task, worker, out);
                    break;
                }
            }
        }
    }

    private void reserve(WorkspaceState ws, TaskState task, WorkerState worker, Outbox out) {
        ReservationState reservation = new ReservationState(Sids.random("WR"), ws.next(), task, worker, task.queue, out.now);
        ws.reservations.put(reservation.sid, reservation);
        task.reservations.add(reservation);
        task.status = TaskStatus.RESERVED;
        task.touch(out.now);
        worker.pending = reservation;
        reservationEvent(ws, "reservation.created", reservation,
                "Task " + task.sid + " reserved for Worker " + worker.friendlyName, out);
        if (task.queue.reservationActivity != null) {
            setActivity(ws, worker, task.queue.reservationActivity, out);
        }
        reservation.timeout = timers.schedule(() -> internal(ws, inner -> {
            if (reservation.status == ReservationStatus.PENDING) {
                timeOut(ws, reservation, inner);
                dispatch(ws, inner);
            }
        }), task.workflow.reservationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        String url = task.workflow.assignmentCallbackUrl;
        if (url != null) {
            out.assignments.add(new PendingAssignment(ws, reservation.sid, url, task.workflow.fallbackAssignmentCallbackUrl,
                    assignmentParams(ws, reservation, out.now)));
        }
    }

    private void accept(WorkspaceState ws, ReservationState reservation, ActivityState activity, Outbox out) {
        cancelTimer(reservation);
        reservation.status = ReservationStatus.ACCEPTED;
        reservation.updated = out.now;
        TaskState task = reservation.task;
        WorkerState worker = reservation.worker;
        task.status = TaskStatus.ASSIGNED;
        task.touch(out.now);
        worker.pending = null;
        worker.holding = task;
        reservationEvent(ws, "reservation.accepted", reservation,
                "Reservation " + reservation.sid + " accepted by Worker " + worker.friendlyName, out);
        taskEvent(ws, "task.assigned", task, "Task " + task.sid + " assigned to Worker " + worker.friendlyName, out);
        ActivityState target = activity != null ? activity : reservation.queue.assignmentActivity;
        if (target != null) {
            setActivity(ws, worker, target, out);
        }
    }

    private void reject(WorkspaceState ws, ReservationState reservation, ActivityState activity, Outbox out) {
        cancelTimer(reservation);
        reservation.status = ReservationStatus.REJECTED;
        reservation.task.rejectedBy.add(reservation.worker.sid);
        endUnaccepted(ws, reservation, activity, true, out);
        reservationEvent(ws, "reservation.rejected", reservation,
                "Reservation " + reservation.sid + " rejected by Worker " + reservation.worker.friendlyName, out);
    }

    private void timeOut(WorkspaceState ws, ReservationState reservation, Outbox out) {
        reservation.status = ReservationStatus.TIMEOUT;
        // As TaskRouter does: a Worker that let a Reservation time out is moved to the timeout Activity.
        endUnaccepted(ws, reservation, ws.timeoutActivity, false, out);
        reservationEvent(ws, "reservation.timeout", reservation,
                "Reservation " + reservation.sid + " timed out for Worker " + reservation.worker.friendlyName, out);
    }

    /**
     * The common end of a Reservation that was not accepted: the Worker is free again, in {@code activity} if
     * given, else (when {@code revert}) back in the Activity it had before the Reservation moved it; the Task
     * waits for the next Worker.
     */
    private void endUnaccepted(WorkspaceState ws, ReservationState reservation, ActivityState activity, boolean revert,
            Outbox out) {
        cancelTimer(reservation);
        reservation.updated = out.now;
        WorkerState worker = reservation.worker;
        if (worker.pending == reservation) {
            worker.pending = null;
        }
        worker.idleOrder = ws.next();
        ActivityState target = activity;
        if (target == null && revert && reservation.queue.reservationActivity != null
                && worker.activity == reservation.queue.reservationActivity) {
            target = reservation.activityBefore;
        }
        if (target != null) {
            setActivity(ws, worker, target, out);
        }
        TaskState task = reservation.task;
        if (task.status == TaskStatus.RESERVED) {
            task.status = TaskStatus.PENDING;
            task.touch(out.now);
        }
    }

    private void cancelTask(WorkspaceState ws, TaskState task, String reason, Outbox out) {
        checkTransition(task, TaskStatus.CANCELED);
        for (ReservationState reservation : task.reservations) {
            if (reservation.status == ReservationStatus.PENDING) {
                reservation.status = ReservationStatus.CANCELED;
                endUnaccepted(ws, reservation, null, true, out);
                reservationEvent(ws, "reservation.canceled", reservation,
                        "Reservation " + reservation.sid + " canceled: its Task was canceled", out);
            }
        }
        task.status = TaskStatus.CANCELED;
        task.reason = reason;
        task.touch(out.now);
        cancelTimers(task);
        taskEvent(ws, "task.canceled", task, "Task " + task.sid + " canceled", out);
        dispatch(ws, out);
    }

    private void wrapUpTask(WorkspaceState ws, TaskState task, String reason, Outbox out) {
        ReservationState accepted = acceptedReservation(task);
        if (accepted != null) {
            accepted.status = ReservationStatus.WRAPPING;
            accepted.updated = out.now;
        }
        task.status = TaskStatus.WRAPPING;
        if (reason != null) {
            task.reason = reason;
        }
        task.touch(out.now);
        taskEvent(ws, "task.wrapup", task, "Task " + task.sid + " wrapping up", out);
    }

    private void completeTask(WorkspaceState ws, TaskState task, String reason, Outbox out) {
        ReservationState accepted = acceptedReservation(task);
        task.status = TaskStatus.COMPLETED;
        task.reason = reason;
        task.touch(out.now);
        cancelTimers(task);
        if (accepted != null) {
            accepted.status = ReservationStatus.COMPLETED;
            accepted.updated = out.now;
            reservationEvent(ws, "reservation.completed", accepted, "Reservation " + accepted.sid + " completed", out);
            if (accepted.worker.holding == task) {
                freeCapacity(ws, accepted.worker);
            }
        }
        taskEvent(ws, "task.completed", task, "Task " + task.sid + " completed", out);
    }

    private void freeCapacity(WorkspaceState ws, WorkerState worker) {
        worker.holding = null;
        worker.idleOrder = ws.next();
    }

    private static ReservationState acceptedReservation(TaskState task) {
        for (ReservationState reservation : task.reservations) {
            if (reservation.status == ReservationStatus.ACCEPTED || reservation.status == ReservationStatus.WRAPPING) {
                return reservation;
            }
        }
        return null;
    }

    /** Refuses a status change TaskRouter would refuse, saying which state the Task is in. */
    private static void checkTransition(TaskState task, TaskStatus to) {
        TaskStatus from = task.status;
        switch (to) {
            case CANCELED -> {
                if (from != TaskStatus.PENDING && from != TaskStatus.RESERVED) {
                    throw TwilioApiException.badRequest("Task " + task.sid + " cannot be canceled: its assignment status is "
                            + from.wire() + ", not pending or reserved");
                }
            }
            case WRAPPING -> {
                if (from != TaskStatus.ASSIGNED) {
                    throw TwilioApiException.badRequest("Task " + task.sid + " cannot be wrapped up: its assignment status is "
                            + from.wire() + ", not assigned");
                }
            }
            case COMPLETED -> {
                if (from != TaskStatus.ASSIGNED && from != TaskStatus.WRAPPING) {
                    throw TwilioApiException.badRequest("Task " + task.sid + " cannot be completed: its assignment status is "
                            + from.wire() + ", not assigned or wrapping");
                }
            }
            default -> throw new IllegalArgumentException(to.wire());
        }
    }

    private void setActivity(WorkspaceState ws, WorkerState worker, ActivityState activity, Outbox out) {
        if (worker.activity == activity) {
            return;
        }
        ActivityState before = worker.activity;
        Duration inBefore = Duration.between(worker.statusChanged, out.now);
        worker.activity = activity;
        worker.statusChanged = out.now;
        worker.updated = out.now;
        if (!before.available && activity.available) {
            worker.idleOrder = ws.next();
        }
        if (ws.eventCallbackUrl != null) {
            Map<String, String> event = eventBase(ws, "worker.activity.update", "Worker", worker.sid,
                    "Worker " + worker.friendlyName + " updated to " + activity.friendlyName + " Activity", out);
            workerFields(event, worker);
            event.put("WorkerPreviousActivitySid", before.sid);
            event.put("WorkerPreviousActivityName", before.friendlyName);
            event.put("WorkerTimeInPreviousActivity", String.valueOf(inBefore.getSeconds()));
            event.put("WorkerTimeInPreviousActivityMs", String.valueOf(inBefore.toMillis()));
            delivery.enqueueEvent(ws.eventCallbackUrl, event);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Callbacks
    // ---------------------------------------------------------------------------------------------------------

    /** An assignment callback to post once the lock is released. */
    private record PendingAssignment(WorkspaceState workspace, String reservationSid, String url, String fallbackUrl,
            Map<String, String> params) {
    }

    /** What one locked operation leaves to do afterwards, and the instant it happened at. */
    private static final class Outbox {
        final Instant now = Instant.now();
        final List<PendingAssignment> assignments = new ArrayList<>();
    }

    private Map<String, String> assignmentParams(WorkspaceState ws, ReservationState reservation, Instant now) {
        TaskState task = reservation.task;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", credentials.accountSid());
        params.put("WorkspaceSid", ws.sid);
        params.put("WorkflowSid", task.workflow.sid);
        params.put("TaskQueueSid", task.queue.sid);
        params.put("WorkerSid", reservation.worker.sid);
        params.put("WorkerAttributes", reservation.worker.attributesText);
        params.put("TaskSid", task.sid);
        params.put("TaskAttributes", task.attributesText);
        params.put("TaskAge", String.valueOf(Representations.age(task, now)));
        params.put("TaskPriority", String.valueOf(task.priority));
        params.put("ReservationSid", reservation.sid);
        params.put("Timestamp", String.valueOf(now.getEpochSecond()));
        return params;
    }

    private void sendAssignments(Outbox out) {
        for (PendingAssignment assignment : out.assignments) {
            delivery.assignment(assignment.url(), assignment.fallbackUrl(), assignment.params())
                    .thenAccept(answer -> applyAnswer(assignment, answer))
                    .exceptionally(failure -> {
                        LOG.warnf("TaskRouter simulator: the answer to the assignment callback of Reservation %s "
                                + "could not be applied: %s", assignment.reservationSid(), failure.toString());
                        return null;
                    });
        }
    }

    private void applyAnswer(PendingAssignment assignment, AssignmentAnswer answer) {
        if (answer.kind() == AssignmentAnswer.Kind.DEFER) {
            return;
        }
        internal(assignment.workspace(), out -> {
            ReservationState reservation = assignment.workspace().reservations.get(assignment.reservationSid());
            // Answered too late: the Reservation was accepted, rejected or timed out through another path.
            if (reservation == null || reservation.status != ReservationStatus.PENDING) {
                return;
            }
            WorkspaceState ws = assignment.workspace();
            if (answer.kind() == AssignmentAnswer.Kind.ACCEPT) {
                accept(ws, reservation, null, out);
            } else {
                ActivityState activity = answer.activitySid() == null ? null : ws.activities.get(answer.activitySid());
                if (answer.activitySid() != null && activity == null) {
                    LOG.infof("TaskRouter simulator: the reject instruction for Reservation %s names activity_sid %s, "
                            + "which is not an Activity of this Workspace; the Worker keeps TaskRouter's default",
                            reservation.sid, answer.activitySid());
                }
                reject(ws, reservation, activity, out);
            }
            dispatch(ws, out);
        });
    }

    private void reservationEvent(WorkspaceState ws, String type, ReservationState reservation, String description,
            Outbox out) {
        if (ws.eventCallbackUrl == null) {
            return;
        }
        Map<String, String> event = eventBase(ws, type, "Reservation", reservation.sid, description, out);
        taskFields(event, reservation.task, out.now);
        workerFields(event, reservation.worker);
        event.put("ReservationSid", reservation.sid);
        event.put("TaskQueueSid", reservation.queue.sid);
        event.put("TaskQueueName", reservation.queue.friendlyName);
        delivery.enqueueEvent(ws.eventCallbackUrl, event);
    }

    private void taskEvent(WorkspaceState ws, String type, TaskState task, String description, Outbox out) {
        if (ws.eventCallbackUrl == null) {
            return;
        }
        Map<String, String> event = eventBase(ws, type, "Task", task.sid, description, out);
        taskFields(event, task, out.now);
        ReservationState accepted = acceptedReservation(task);
        if (accepted == null && task.status == TaskStatus.COMPLETED) {
            accepted = task.reservations.stream().filter(r -> r.status == ReservationStatus.COMPLETED).findFirst().orElse(null);
        }
        if (accepted != null) {
            event.put("ReservationSid", accepted.sid);
            workerFields(event, accepted.worker);
        }
        delivery.enqueueEvent(ws.eventCallbackUrl, event);
    }

    private Map<String, String> eventBase(WorkspaceState ws, String type, String resourceType, String resourceSid,
            String description, Outbox out) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("EventType", type);
        event.put("Sid", Sids.random("EV"));
        event.put("AccountSid", credentials.accountSid());
        event.put("WorkspaceSid", ws.sid);
        event.put("WorkspaceName", ws.friendlyName);
        event.put("ResourceType", resourceType);
        event.put("ResourceSid", resourceSid);
        event.put("EventDescription", description);
        event.put("Timestamp", String.valueOf(out.now.getEpochSecond()));
        event.put("TimestampMs", String.valueOf(out.now.toEpochMilli()));
        return event;
    }

    private static void taskFields(Map<String, String> event, TaskState task, Instant now) {
        event.put("TaskSid", task.sid);
        event.put("TaskAttributes", task.attributesText);
        event.put("TaskAssignmentStatus", task.status.wire());
        event.put("TaskAge", String.valueOf(Representations.age(task, now)));
        event.put("TaskPriority", String.valueOf(task.priority));
        event.put("TaskChannelUniqueName", task.taskChannel);
        event.put("WorkflowSid", task.workflow.sid);
        event.put("WorkflowName", task.workflow.friendlyName);
        if (task.queue != null) {
            event.put("TaskQueueSid", task.queue.sid);
            event.put("TaskQueueName", task.queue.friendlyName);
        }
        if (task.reason != null && task.status == TaskStatus.CANCELED) {
            event.put("TaskCanceledReason", task.reason);
        }
        if (task.reason != null && task.status == TaskStatus.COMPLETED) {
            event.put("TaskCompletedReason", task.reason);
        }
    }

    private static void workerFields(Map<String, String> event, WorkerState worker) {
        event.put("WorkerSid", worker.sid);
        event.put("WorkerName", worker.friendlyName);
        event.put("WorkerActivitySid", worker.activity.sid);
        event.put("WorkerActivityName", worker.activity.friendlyName);
        event.put("WorkerAttributes", worker.attributesText);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Locking, seeding and lookups
    // ---------------------------------------------------------------------------------------------------------

    /** A read under the lock, with the Workspace the path names. */
    private <T> T read(String workspaceSid, BiFunction<WorkspaceState, Instant, T> reader) {
        lock.lock();
        try {
            return reader.apply(workspace(workspaceSid), Instant.now());
        } finally {
            lock.unlock();
        }
    }

    /** A change under the lock, then the callbacks it caused. */
    private <T> T change(String workspaceSid, BiFunction<WorkspaceState, Outbox, T> operation) {
        Outbox out = new Outbox();
        T result;
        lock.lock();
        try {
            result = operation.apply(workspace(workspaceSid), out);
        } finally {
            lock.unlock();
            delivery.flushEvents();
        }
        sendAssignments(out);
        return result;
    }

    /** A change the simulator makes itself (a timer, a callback answer), ignored if the Workspace was reset since. */
    private void internal(WorkspaceState ws, java.util.function.Consumer<Outbox> operation) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            if (workspace != ws) {
                return;
            }
            operation.accept(out);
        } catch (RuntimeException e) {
            LOG.warnf("TaskRouter simulator: an internal change failed: %s", e.toString());
        } finally {
            lock.unlock();
            delivery.flushEvents();
        }
        sendAssignments(out);
    }

    private WorkspaceState workspace(String workspaceSid) {
        if (workspace == null) {
            workspace = seed(Instant.now());
        }
        if (!workspace.sid.equals(workspaceSid)) {
            throw TwilioApiException.notFound("/Workspaces/" + workspaceSid);
        }
        return workspace;
    }

    private WorkspaceState seed(Instant now) {
        WorkspaceDefinition def = definition;
        WorkspaceState ws = new WorkspaceState(Sids.seeded("WS", def.friendlyName()), def.friendlyName(), now);
        Map<String, ActivityState> activities = new HashMap<>();
        for (ActivityDefinition a : def.activities()) {
            ActivityState activity = new ActivityState(Sids.seeded("WA", a.friendlyName()), ws.next(), a.friendlyName(),
                    a.available(), now);
            ws.activities.put(activity.sid, activity);
            activities.put(a.friendlyName(), activity);
        }
        ws.defaultActivity = activities.get(def.defaultActivity());
        ws.timeoutActivity = activities.get(def.timeoutActivity());
        ws.eventCallbackUrl = config.eventCallbackUrl().filter(s -> !s.isBlank())
                .orElseGet(() -> resolve(def.eventCallbackPath()));
        for (WorkerDefinition w : def.workers()) {
            String attributes = w.attributesJson();
            WorkerState worker = new WorkerState(Sids.seeded("WK", w.friendlyName()), ws.next(), w.friendlyName(),
                    attributes, Params.parseObject("Attributes", attributes),
                    w.activity() == null ? ws.defaultActivity : activities.get(w.activity()), now);
            ws.workers.put(worker.sid, worker);
        }
        Map<String, String> queueSids = new HashMap<>();
        for (TaskQueueDefinition q : def.taskQueues()) {
            TaskQueueState queue = new TaskQueueState(Sids.seeded("WQ", q.friendlyName()), ws.next(), q.friendlyName(),
                    expression("TargetWorkers", q.targetWorkers()), "FIFO", activities.get(q.reservationActivity()),
                    activities.get(q.assignmentActivity()), now);
            ws.queues.put(queue.sid, queue);
            queueSids.put(q.friendlyName(), queue.sid);
        }
        boolean first = true;
        for (WorkflowDefinition w : def.workflows()) {
            String configuration = w.configurationJson(queueSids);
            // The configured timeout and callback URL describe the quickstart's Workflow, the first one.
            Duration timeout = first ? config.reservationTimeout() : Duration.ofSeconds(w.taskReservationTimeout());
            String callback = first && config.assignmentCallbackUrl().filter(s -> !s.isBlank()).isPresent()
                    ? config.assignmentCallbackUrl().get()
                    : resolve(w.assignmentCallbackPath());
            WorkflowState workflow = new WorkflowState(Sids.seeded("WW", w.friendlyName()), ws.next(), w.friendlyName(),
                    configuration, WorkflowRouting.parse(configuration, ws.queues::get), callback,
                    resolve(w.fallbackAssignmentCallbackPath()), timeout, now);
            ws.workflows.put(workflow.sid, workflow);
            first = false;
        }
        return ws;
    }

    /** A definition's callback path on the public base URL, or on {@code http://localhost:<port>} without one. */
    private String resolve(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String base = publicUrl.baseUrl().map(URI::toString).orElseGet(LocalHttpPort::localBase);
        return stripTrailingSlash(base) + (path.startsWith("/") ? path : "/" + path);
    }

    private static String stripTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private WorkflowState workflowFor(WorkspaceState ws, String workflowSid) {
        if (workflowSid == null || workflowSid.isBlank()) {
            if (ws.workflows.size() == 1) {
                return ws.workflows.values().iterator().next();
            }
            throw TwilioApiException.badRequest("Missing required parameter WorkflowSid in the post body");
        }
        WorkflowState workflow = ws.workflows.get(workflowSid);
        if (workflow == null) {
            throw TwilioApiException.badRequest("Invalid WorkflowSid: " + workflowSid + " is not a Workflow of this Workspace");
        }
        return workflow;
    }

    private ReservationState taskReservation(WorkspaceState ws, String taskSid, String sid) {
        TaskState task = found(ws, ws.tasks, "Tasks", taskSid);
        ReservationState reservation = ws.reservations.get(sid);
        if (reservation == null || reservation.task != task) {
            throw TwilioApiException.notFound("/Workspaces/" + ws.sid + "/Tasks/" + taskSid + "/Reservations/" + sid);
        }
        return reservation;
    }

    private ReservationState workerReservation(WorkspaceState ws, String workerSid, String sid) {
        WorkerState worker = found(ws, ws.workers, "Workers", workerSid);
        ReservationState reservation = ws.reservations.get(sid);
        if (reservation == null || reservation.worker != worker) {
            throw TwilioApiException.notFound("/Workspaces/" + ws.sid + "/Workers/" + workerSid + "/Reservations/" + sid);
        }
        return reservation;
    }

    private static ReservationStatus reservationStatusFilter(Params query) {
        String text = query.string("ReservationStatus");
        if (text == null || text.isBlank()) {
            return null;
        }
        ReservationStatus status = ReservationStatus.fromWire(text);
        if (status == null) {
            throw TwilioApiException.badRequest("Invalid ReservationStatus: " + text + " is not one of pending, accepted, "
                    + "rejected, timeout, canceled, rescinded, wrapping, completed");
        }
        return status;
    }

    private static <T> T found(WorkspaceState ws, Map<String, T> resources, String collection, String sid) {
        T resource = resources.get(sid);
        if (resource == null) {
            throw TwilioApiException.notFound("/Workspaces/" + ws.sid + "/" + collection + "/" + sid);
        }
        return resource;
    }

    private static ActivityState optionalActivity(WorkspaceState ws, Params form, String field) {
        String sid = form.string(field);
        if (sid == null || sid.isBlank()) {
            return null;
        }
        ActivityState activity = ws.activities.get(sid);
        if (activity == null) {
            throw TwilioApiException.badRequest("Invalid " + field + ": " + sid + " is not an Activity of this Workspace");
        }
        return activity;
    }

    private static String required(Params form, String field) {
        String value = form.string(field);
        if (value == null || value.isBlank()) {
            throw TwilioApiException.badRequest("Missing required parameter " + field + " in the post body");
        }
        return value;
    }

    private static TargetExpression expression(String field, String text) {
        try {
            return TargetExpression.parse(text);
        } catch (ExpressionException e) {
            throw TwilioApiException.badRequest("Invalid " + field + ": " + e.getMessage());
        }
    }

    private static void requireUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw TwilioApiException.badRequest("Invalid " + field + ": " + url + " is not an absolute http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw TwilioApiException.badRequest("Invalid " + field + ": " + url + " is not a URL");
        }
    }

    private static void checkIfMatch(TaskState task, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String given = ifMatch.trim();
        if (given.startsWith("W/")) {
            given = given.substring(2);
        }
        given = given.replace("\"", "");
        if (!given.equals(String.valueOf(task.version))) {
            throw TwilioApiException.preconditionFailed("Task " + task.sid + " has changed: If-Match " + ifMatch
                    + " does not match its ETag " + Representations.etag(task));
        }
    }

    private void cancelTimers(TaskState task) {
        if (task.ttl != null) {
            task.ttl.cancel(false);
            task.ttl = null;
        }
        task.reservations.forEach(this::cancelTimer);
    }

    private void cancelTimer(ReservationState reservation) {
        ScheduledFuture<?> timeout = reservation.timeout;
        if (timeout != null) {
            timeout.cancel(false);
            reservation.timeout = null;
        }
    }

    private Representations views(String base, WorkspaceState ws) {
        return new Representations(base, credentials.accountSid(), ws);
    }

    private TaskRouterJson.VersionedTask versioned(String base, WorkspaceState ws, TaskState task, Instant now) {
        return new TaskRouterJson.VersionedTask(views(base, ws).task(task, now), Representations.etag(task));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
