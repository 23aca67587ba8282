package org.taskrouter.assignment.simulator;

import static org.taskrouter.assignment.simulator.SimulatorLookups.blankToNull;
import static org.taskrouter.assignment.simulator.SimulatorLookups.expression;
import static org.taskrouter.assignment.simulator.SimulatorLookups.found;
import static org.taskrouter.assignment.simulator.SimulatorLookups.optionalActivity;
import static org.taskrouter.assignment.simulator.SimulatorLookups.requireUrl;
import static org.taskrouter.assignment.simulator.SimulatorLookups.required;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.taskrouter.assignment.simulator.expression.TargetExpression;
import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.workspace.WorkflowDefinition;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The Workspace's configuration resources: the Workspace itself, its Activities, TaskQueues, Workflows and
 * Workers. Each method is the body of one REST operation, run under the Workspace's lock by
 * {@link TaskRouterSimulator}; changes that can free or occupy a Worker hand over to the {@link LifecycleEngine}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class WorkspaceConfiguration {

    private final LifecycleEngine lifecycle;
    private final SimulatorCallbacks callbacks;

    @Inject
    WorkspaceConfiguration(LifecycleEngine lifecycle, SimulatorCallbacks callbacks) {
        this.lifecycle = lifecycle;
        this.callbacks = callbacks;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Workspace
    // ---------------------------------------------------------------------------------------------------------

    ResourceJson.Workspace updateWorkspace(WorkspaceRequest request, Params form, Outbox out) {
        WorkspaceState ws = request.workspace();
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
        return request.views().workspace();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Activities
    // ---------------------------------------------------------------------------------------------------------

    ResourceJson.Page<ResourceJson.Activity> listActivities(WorkspaceRequest request, Params query) {
        WorkspaceState ws = request.workspace();
        String name = query.string("FriendlyName");
        Boolean available = query.bool("Available");
        List<ActivityState> matching = ws.activities.values().stream()
                .filter(a -> name == null || a.friendlyName.equals(name))
                .filter(a -> available == null || a.available == available)
                .toList();
        Representations views = request.views();
        return Paging.page(matching, a -> a.seq, views::activity, query, views.collectionUrl("Activities"),
                "activities");
    }

    ResourceJson.Activity fetchActivity(WorkspaceRequest request, String sid) {
        WorkspaceState ws = request.workspace();
        return request.views().activity(found(ws, ws.activities, "Activities", sid));
    }

    ResourceJson.Activity createActivity(WorkspaceRequest request, Params form, Outbox out) {
        WorkspaceState ws = request.workspace();
        String name = required(form, "FriendlyName");
        Boolean available = form.bool("Available");
        ActivityState activity = new ActivityState(SidGenerator.random("WA"), ws.next(), name,
                available != null && available, out.now);
        ws.activities.put(activity.sid, activity);
        return request.views().activity(activity);
    }

    // ---------------------------------------------------------------------------------------------------------
    // TaskQueues
    // ---------------------------------------------------------------------------------------------------------

    ResourceJson.Page<ResourceJson.TaskQueue> listTaskQueues(WorkspaceRequest request, Params query) {
        WorkspaceState ws = request.workspace();
        String name = query.string("FriendlyName");
        List<TaskQueueState> matching = ws.queues.values().stream()
                .filter(q -> name == null || q.friendlyName.equals(name)).toList();
        Representations views = request.views();
        return Paging.page(matching, q -> q.seq, views::queue, query, views.collectionUrl("TaskQueues"), "task_queues");
    }

    ResourceJson.TaskQueue fetchTaskQueue(WorkspaceRequest request, String sid) {
        WorkspaceState ws = request.workspace();
        return request.views().queue(found(ws, ws.queues, "TaskQueues", sid));
    }

    /** A TaskQueue's RealTimeStatistics at the instant of the request. */
    ResourceJson.TaskQueueRealTimeStatistics taskQueueStatistics(WorkspaceRequest request, String sid) {
        WorkspaceState ws = request.workspace();
        return request.views().queueStatistics(found(ws, ws.queues, "TaskQueues", sid), request.now());
    }

    /**
     * The event log, oldest first: since {@code StartDate} (ISO 8601) or the last {@code Minutes}, else everything
     * kept; {@code EventType}, {@code TaskSid}, {@code WorkerSid} and {@code ReservationSid} narrow it.
     */
    ResourceJson.Page<ResourceJson.WorkspaceEvent> listEvents(WorkspaceRequest request, Params query) {
        Instant since;
        try {
            since = query.has("StartDate") ? Instant.parse(query.string("StartDate"))
                    : query.has("Minutes") ? request.now().minusSeconds(60L * query.integer("Minutes", 1, 43_200, 15))
                            : Instant.EPOCH;
        } catch (DateTimeParseException e) {
            throw TwilioApiException.badRequest(
                    "StartDate must be an ISO 8601 date and time, e.g. 2026-12-01T10:00:00Z");
        }
        long sinceMs = since.toEpochMilli();
        List<Map<String, String>> matching = request.workspace().events.stream()
                .filter(e -> Long.parseLong(e.get("TimestampMs")) >= sinceMs)
                .filter(e -> matches(query, "EventType", e) && matches(query, "TaskSid", e)
                        && matches(query, "WorkerSid", e) && matches(query, "ReservationSid", e))
                .toList();
        Representations views = request.views();
        return Paging.page(matching, e -> Long.parseLong(e.get("_seq")), views::event, query,
                views.collectionUrl("Events"), "events");
    }

    private static boolean matches(Params query, String name, Map<String, String> event) {
        return !query.has(name) || query.string(name).equals(event.get(name));
    }

    /** Creates a TaskQueue, or updates it when {@code sid} is not null. */
    ResourceJson.TaskQueue saveTaskQueue(WorkspaceRequest request, String sid, Params form, Outbox out) {
        WorkspaceState ws = request.workspace();
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
            TaskQueueState queue = new TaskQueueState(SidGenerator.random("WQ"), ws.next(), name, target,
                    order == null ? "FIFO" : order, reservation, assignment, out.now);
            ws.queues.put(queue.sid, queue);
            return request.views().queue(queue);
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
        lifecycle.dispatch(ws, out);
        return request.views().queue(existing);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Workflows
    // ---------------------------------------------------------------------------------------------------------

    ResourceJson.Page<ResourceJson.Workflow> listWorkflows(WorkspaceRequest request, Params query) {
        WorkspaceState ws = request.workspace();
        String name = query.string("FriendlyName");
        List<WorkflowState> matching = ws.workflows.values().stream()
                .filter(w -> name == null || w.friendlyName.equals(name)).toList();
        Representations views = request.views();
        return Paging.page(matching, w -> w.seq, views::workflow, query, views.collectionUrl("Workflows"), "workflows");
    }

    ResourceJson.Workflow fetchWorkflow(WorkspaceRequest request, String sid) {
        WorkspaceState ws = request.workspace();
        return request.views().workflow(found(ws, ws.workflows, "Workflows", sid));
    }

    /** Creates a Workflow, or updates it when {@code sid} is not null. */
    ResourceJson.Workflow saveWorkflow(WorkspaceRequest request, String sid, Params form, Outbox out) {
        WorkspaceState ws = request.workspace();
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
            WorkflowState workflow = new WorkflowState(SidGenerator.random("WW"), ws.next(), name, configuration,
                    routing, blankToNull(callback), blankToNull(fallback),
                    Duration.ofSeconds(timeout == null ? WorkflowDefinition.DEFAULT_TASK_RESERVATION_TIMEOUT : timeout),
                    out.now);
            ws.workflows.put(workflow.sid, workflow);
            return request.views().workflow(workflow);
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
        return request.views().workflow(existing);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Workers
    // ---------------------------------------------------------------------------------------------------------

    ResourceJson.Page<ResourceJson.Worker> listWorkers(WorkspaceRequest request, Params query) {
        WorkspaceState ws = request.workspace();
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
            throw TwilioApiException.badRequest("Invalid TaskQueueSid: " + queueSid
                    + " is not a TaskQueue of this Workspace");
        }
        List<WorkerState> matching = ws.workers.values().stream()
                .filter(w -> activitySid == null || w.activity.sid.equals(activitySid))
                .filter(w -> activityName == null || w.activity.friendlyName.equals(activityName))
                .filter(w -> available == null || w.activity.available == available)
                .filter(w -> name == null || w.friendlyName.equals(name))
                .filter(w -> expression == null || expression.matches(w.attributes))
                .filter(w -> queue == null || queue.targetWorkers.matches(w.attributes))
                .toList();
        Representations views = request.views();
        return Paging.page(matching, w -> w.seq, views::worker, query, views.collectionUrl("Workers"), "workers");
    }

    ResourceJson.Worker fetchWorker(WorkspaceRequest request, String sid) {
        WorkspaceState ws = request.workspace();
        return request.views().worker(found(ws, ws.workers, "Workers", sid));
    }

    ResourceJson.Worker createWorker(WorkspaceRequest request, Params form, Outbox out) {
        WorkspaceState ws = request.workspace();
        String name = required(form, "FriendlyName");
        JsonNode attributes = form.jsonObject("Attributes");
        ActivityState activity = optionalActivity(ws, form, "ActivitySid");
        WorkerState worker = new WorkerState(SidGenerator.random("WK"), ws.next(), name,
                attributes == null ? "{}" : form.string("Attributes"),
                attributes == null ? Params.parseObject("Attributes", "{}") : attributes,
                activity == null ? ws.defaultActivity : activity, out.now);
        ws.workers.put(worker.sid, worker);
        lifecycle.dispatch(ws, out);
        return request.views().worker(worker);
    }

    ResourceJson.Worker updateWorker(WorkspaceRequest request, String sid, Params form, Outbox out) {
        WorkspaceState ws = request.workspace();
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
            lifecycle.setActivity(ws, worker, activity, out);
        }
        if (Boolean.TRUE.equals(rejectPending) && worker.pending != null) {
            ReservationState pending = worker.pending;
            pending.status = ReservationStatus.REJECTED;
            pending.task.rejectedBy.add(worker.sid);
            // The Worker keeps the Activity it was just given.
            lifecycle.endUnaccepted(ws, pending, null, false, out);
            callbacks.reservationEvent(ws, "reservation.rejected", pending,
                    "Reservation rejected with the Worker's activity change", out);
        }
        lifecycle.dispatch(ws, out);
        return request.views().worker(worker);
    }
}
