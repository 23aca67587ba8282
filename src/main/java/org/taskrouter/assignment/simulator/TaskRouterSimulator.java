package org.taskrouter.assignment.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.PublicUrlConfig;
import org.taskrouter.assignment.twilio.ReservationStatus;
import org.taskrouter.assignment.workspace.ActivityDefinition;
import org.taskrouter.assignment.workspace.TaskQueueDefinition;
import org.taskrouter.assignment.workspace.WorkerDefinition;
import org.taskrouter.assignment.workspace.WorkflowDefinition;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The embedded TaskRouter: one Workspace, seeded from the quickstart's definition, driven through the same REST
 * operations as TaskRouter and calling the service back the same way.
 *
 * <p>Every change happens under one lock, held only for in-memory work: HTTP callbacks are sent after it is
 * released and their answers come back as new locked operations. Events are queued under the lock, so they go
 * out in the order things happened. Timers (Reservation timeouts, Task TTLs) run on one scheduler thread.
 *
 * <p>This class is the façade the {@code Simulated*Resource} classes call: it owns the lock, the Workspace and its
 * seeding, and runs each operation's body, kept in {@link WorkspaceConfiguration} (Workspace, Activities,
 * TaskQueues, Workflows, Workers) and {@link TaskOperations} (Tasks, Reservations), under the lock. The state
 * machine is {@link LifecycleEngine}; callbacks and events are {@link SimulatorCallbacks}'.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class TaskRouterSimulator {

    private static final Logger LOG = Logger.getLogger(TaskRouterSimulator.class);

    private final SimulatorConfig config;
    private final SimulatorCredentials credentials;
    private final CallbackDelivery delivery;
    private final PublicUrlConfig publicUrl;
    private final WorkspaceDefinition definition;
    private final ScheduledThreadPoolExecutor timers;
    private final ReentrantLock lock = new ReentrantLock();
    private final SimulatorCallbacks callbacks;
    private final LifecycleEngine lifecycle;
    private final WorkspaceConfiguration configuration;
    private final TaskOperations tasks;
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
        this.callbacks = new SimulatorCallbacks(credentials, delivery, this::internal);
        this.lifecycle = new LifecycleEngine(timers, callbacks, this::internal);
        this.configuration = new WorkspaceConfiguration(credentials, lifecycle, callbacks);
        this.tasks = new TaskOperations(credentials, lifecycle, callbacks);
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
                workspace.tasks.values().forEach(lifecycle::cancelTimers);
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
    public ResourceJson.Workspace fetchWorkspace(String base, String workspaceSid) {
        return read(workspaceSid, (ws, now) -> configuration.fetchWorkspace(base, ws));
    }

    /** POST {@code /v1/Workspaces/{Sid}}: FriendlyName, EventCallbackUrl, DefaultActivitySid, TimeoutActivitySid. */
    public ResourceJson.Workspace updateWorkspace(String base, String workspaceSid, Params form) {
        return change(workspaceSid, (ws, out) -> configuration.updateWorkspace(base, ws, form, out));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Activities
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /Activities}: FriendlyName and Available filters. */
    public ResourceJson.Page<ResourceJson.Activity> listActivities(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> configuration.listActivities(base, ws, query));
    }

    /** GET {@code /Activities/{Sid}}. */
    public ResourceJson.Activity fetchActivity(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> configuration.fetchActivity(base, ws, sid));
    }

    /** POST {@code /Activities}: FriendlyName (required), Available. */
    public ResourceJson.Activity createActivity(String base, String workspaceSid, Params form) {
        return change(workspaceSid, (ws, out) -> configuration.createActivity(base, ws, form, out));
    }

    // ---------------------------------------------------------------------------------------------------------
    // TaskQueues
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /TaskQueues}: FriendlyName filter. */
    public ResourceJson.Page<ResourceJson.TaskQueue> listTaskQueues(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> configuration.listTaskQueues(base, ws, query));
    }

    /** GET {@code /TaskQueues/{Sid}/RealTimeStatistics}. */
    public ResourceJson.TaskQueueRealTimeStatistics fetchTaskQueueStatistics(String base, String workspaceSid,
            String sid) {
        return read(workspaceSid, (ws, now) -> configuration.taskQueueStatistics(base, ws, sid, now));
    }

    /** GET {@code /Events}: the Workspace's event log. */
    public ResourceJson.Page<ResourceJson.WorkspaceEvent> listEvents(String base, String workspaceSid,
            Params query) {
        return read(workspaceSid, (ws, now) -> configuration.listEvents(base, ws, query, now));
    }

    /** GET {@code /RealTimeStatistics} of the Workspace. */
    public ResourceJson.WorkspaceRealTimeStatistics fetchWorkspaceStatistics(String base, String workspaceSid) {
        return read(workspaceSid, (ws, now) -> configuration.workspaceStatistics(base, ws, now));
    }

    /** GET {@code /TaskQueues/{Sid}}. */
    public ResourceJson.TaskQueue fetchTaskQueue(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> configuration.fetchTaskQueue(base, ws, sid));
    }

    /** POST {@code /TaskQueues} (create) or {@code /TaskQueues/{Sid}} (update, when {@code sid} is not null). */
    public ResourceJson.TaskQueue saveTaskQueue(String base, String workspaceSid, String sid, Params form) {
        return change(workspaceSid, (ws, out) -> configuration.saveTaskQueue(base, ws, sid, form, out));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Workflows
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /Workflows}: FriendlyName filter. */
    public ResourceJson.Page<ResourceJson.Workflow> listWorkflows(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> configuration.listWorkflows(base, ws, query));
    }

    /** GET {@code /Workflows/{Sid}}. */
    public ResourceJson.Workflow fetchWorkflow(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> configuration.fetchWorkflow(base, ws, sid));
    }

    /**
     * POST {@code /Workflows} (create) or {@code /Workflows/{Sid}} (update, when {@code sid} is not null):
     * FriendlyName, Configuration, AssignmentCallbackUrl, FallbackAssignmentCallbackUrl, TaskReservationTimeout.
     */
    public ResourceJson.Workflow saveWorkflow(String base, String workspaceSid, String sid, Params form) {
        return change(workspaceSid, (ws, out) -> configuration.saveWorkflow(base, ws, sid, form, out));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Workers
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /Workers}: ActivitySid, ActivityName, Available, FriendlyName, TargetWorkersExpression, TaskQueueSid. */
    public ResourceJson.Page<ResourceJson.Worker> listWorkers(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> configuration.listWorkers(base, ws, query));
    }

    /** GET {@code /Workers/{Sid}}. */
    public ResourceJson.Worker fetchWorker(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> configuration.fetchWorker(base, ws, sid));
    }

    /** POST {@code /Workers}: FriendlyName (required), Attributes, ActivitySid. */
    public ResourceJson.Worker createWorker(String base, String workspaceSid, Params form) {
        return change(workspaceSid, (ws, out) -> configuration.createWorker(base, ws, form, out));
    }

    /**
     * POST {@code /Workers/{Sid}}: ActivitySid, Attributes, FriendlyName, RejectPendingReservations. Moving to an
     * available Activity offers the Worker waiting Tasks at once; pending Reservations stay unless
     * RejectPendingReservations is true.
     */
    public ResourceJson.Worker updateWorker(String base, String workspaceSid, String sid, Params form) {
        return change(workspaceSid, (ws, out) -> configuration.updateWorker(base, ws, sid, form, out));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tasks
    // ---------------------------------------------------------------------------------------------------------

    /** POST {@code /Tasks}: Attributes, WorkflowSid, Priority, Timeout, TaskChannel. The Task is routed at once. */
    public ResourceJson.VersionedTask createTask(String base, String workspaceSid, Params form) {
        return change(workspaceSid, (ws, out) -> tasks.createTask(base, ws, form, out));
    }

    /** GET {@code /Tasks/{Sid}}, with its ETag. */
    public ResourceJson.VersionedTask fetchTask(String base, String workspaceSid, String sid) {
        return read(workspaceSid, (ws, now) -> tasks.fetchTask(base, ws, sid, now));
    }

    /** GET {@code /Tasks}: AssignmentStatus (repeated or comma-separated), WorkflowSid, TaskQueueSid, Priority. */
    public ResourceJson.Page<ResourceJson.Task> listTasks(String base, String workspaceSid, Params query) {
        return read(workspaceSid, (ws, now) -> tasks.listTasks(base, ws, query, now));
    }

    /**
     * POST {@code /Tasks/{Sid}}: AssignmentStatus (canceled, wrapping or completed), Reason, Attributes, Priority,
     * checked against {@code If-Match} when given.
     */
    public ResourceJson.VersionedTask updateTask(String base, String workspaceSid, String sid, String ifMatch, Params form) {
        return change(workspaceSid, (ws, out) -> tasks.updateTask(base, ws, sid, ifMatch, form, out));
    }

    /** DELETE {@code /Tasks/{Sid}}: a pending Reservation is canceled and the Worker's capacity freed. */
    public void deleteTask(String workspaceSid, String sid, String ifMatch) {
        change(workspaceSid, (ws, out) -> {
            tasks.deleteTask(ws, sid, ifMatch, out);
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reservations
    // ---------------------------------------------------------------------------------------------------------

    /** GET {@code /Tasks/{TaskSid}/Reservations}: ReservationStatus and WorkerSid filters. */
    public ResourceJson.Page<ResourceJson.Reservation> listTaskReservations(String base, String workspaceSid,
            String taskSid, Params query) {
        return read(workspaceSid, (ws, now) -> tasks.listTaskReservations(base, ws, taskSid, query));
    }

    /** GET {@code /Workers/{WorkerSid}/Reservations}: ReservationStatus filter. */
    public ResourceJson.Page<ResourceJson.Reservation> listWorkerReservations(String base, String workspaceSid,
            String workerSid, Params query) {
        return read(workspaceSid, (ws, now) -> tasks.listWorkerReservations(base, ws, workerSid, query));
    }

    /** GET {@code /Tasks/{TaskSid}/Reservations/{Sid}}. */
    public ResourceJson.Reservation fetchTaskReservation(String base, String workspaceSid, String taskSid, String sid) {
        return read(workspaceSid, (ws, now) -> tasks.fetchTaskReservation(base, ws, taskSid, sid));
    }

    /** GET {@code /Workers/{WorkerSid}/Reservations/{Sid}}. */
    public ResourceJson.Reservation fetchWorkerReservation(String base, String workspaceSid, String workerSid, String sid) {
        return read(workspaceSid, (ws, now) -> tasks.fetchWorkerReservation(base, ws, workerSid, sid));
    }

    /** POST {@code /Tasks/{TaskSid}/Reservations/{Sid}}: ReservationStatus or Instruction, WorkerActivitySid. */
    public ResourceJson.Reservation updateTaskReservation(String base, String workspaceSid, String taskSid, String sid,
            Params form) {
        return change(workspaceSid, (ws, out) -> tasks.updateTaskReservation(base, ws, taskSid, sid, form, out));
    }

    /** POST {@code /Workers/{WorkerSid}/Reservations/{Sid}}: as for the Task's view of the Reservation. */
    public ResourceJson.Reservation updateWorkerReservation(String base, String workspaceSid, String workerSid,
            String sid, Params form) {
        return change(workspaceSid, (ws, out) -> tasks.updateWorkerReservation(base, ws, workerSid, sid, form, out));
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
        callbacks.sendAssignments(out, lifecycle);
        return result;
    }

    /** A change the simulator makes itself (a timer, a callback answer), ignored if the Workspace was reset since. */
    private void internal(WorkspaceState ws, Consumer<Outbox> operation) {
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
        callbacks.sendAssignments(out, lifecycle);
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
        WorkspaceState ws = new WorkspaceState(SidGenerator.seeded("WS", def.friendlyName()), def.friendlyName(), now);
        Map<String, ActivityState> activities = new HashMap<>();
        for (ActivityDefinition a : def.activities()) {
            ActivityState activity = new ActivityState(SidGenerator.seeded("WA", a.friendlyName()), ws.next(), a.friendlyName(),
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
            WorkerState worker = new WorkerState(SidGenerator.seeded("WK", w.friendlyName()), ws.next(), w.friendlyName(),
                    attributes, Params.parseObject("Attributes", attributes),
                    w.activity() == null ? ws.defaultActivity : activities.get(w.activity()), now);
            ws.workers.put(worker.sid, worker);
        }
        Map<String, String> queueSids = new HashMap<>();
        for (TaskQueueDefinition q : def.taskQueues()) {
            TaskQueueState queue = new TaskQueueState(SidGenerator.seeded("WQ", q.friendlyName()), ws.next(), q.friendlyName(),
                    SimulatorLookups.expression("TargetWorkers", q.targetWorkers()), "FIFO", activities.get(q.reservationActivity()),
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
            WorkflowState workflow = new WorkflowState(SidGenerator.seeded("WW", w.friendlyName()), ws.next(), w.friendlyName(),
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
}
