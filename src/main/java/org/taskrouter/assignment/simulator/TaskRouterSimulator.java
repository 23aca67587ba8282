package org.taskrouter.assignment.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.taskrouter.assignment.config.PublicUrlConfig;
import org.taskrouter.assignment.workspace.ActivityDefinition;
import org.taskrouter.assignment.workspace.TaskQueueDefinition;
import org.taskrouter.assignment.workspace.WorkerDefinition;
import org.taskrouter.assignment.workspace.WorkflowDefinition;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The embedded TaskRouter's one Workspace, seeded from the quickstart's definition, and the lock every change to
 * it is made under.
 *
 * <p>The lock is held only for in-memory work: the {@code Simulated*Resource} classes hand their operation's body
 * ({@link WorkspaceConfiguration}, {@link TaskOperations}) to {@link #read} or {@link #change}, and the callbacks a
 * change queued are sent after the lock is released. Events are queued under the lock, so they go out in the
 * order things happened. Timers (Reservation timeouts, Task TTLs) run on one scheduler thread; they and the
 * answers to assignment callbacks come back as {@link WorkspaceChange}s of their own.
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
                workspace.tasks.values().forEach(TaskState::cancelTimers);
            }
            workspace = seed(Instant.now());
        } finally {
            lock.unlock();
        }
    }

    /**
     * A read under the lock of the Workspace the path names.
     *
     * @param base the scheme, host and port the request came in on, for the links of what it shows
     */
    <T> T read(String workspaceSid, String base, Function<WorkspaceRequest, T> read) {
        lock.lock();
        try {
            WorkspaceState ws = workspace(workspaceSid);
            return read.apply(new WorkspaceRequest(ws, views(base, ws), Instant.now()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * A change under the lock of the Workspace the path names, then the callbacks it queued.
     *
     * @param base the scheme, host and port the request came in on, for the links of what it shows
     */
    <T> T change(String workspaceSid, String base, RequestChange<T> change) {
        Outbox out = new Outbox();
        T result;
        lock.lock();
        try {
            WorkspaceState ws = workspace(workspaceSid);
            result = change.apply(new WorkspaceRequest(ws, views(base, ws), out.now), out);
        } finally {
            lock.unlock();
            delivery.flushEvents();
        }
        sendAssignments(out);
        return result;
    }

    /** Makes {@code change} to {@code ws} once {@code delay} has passed, unless the timer is cancelled first. */
    ScheduledFuture<?> schedule(WorkspaceState ws, Duration delay, WorkspaceChange change) {
        return timers.schedule(() -> applyIfCurrent(ws, change), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A change the simulator makes itself (a timer, a callback's answer), then the callbacks it queued. It was
     * planned for {@code ws}: if the Workspace was reset since, it is dropped. Nobody waits for it, so a failure is
     * logged.
     */
    private void applyIfCurrent(WorkspaceState ws, WorkspaceChange change) {
        Outbox out = new Outbox();
        lock.lock();
        try {
            if (workspace != ws) {
                return;
            }
            change.apply(ws, out);
        } catch (RuntimeException e) {
            LOG.warnf("TaskRouter simulator: an internal change failed: %s", e.toString());
        } finally {
            lock.unlock();
            delivery.flushEvents();
        }
        sendAssignments(out);
    }

    /** Posts the assignment callbacks a change queued; an answer that accepts or rejects is a change of its own. */
    private void sendAssignments(Outbox out) {
        for (Outbox.PendingAssignment assignment : out.assignments) {
            delivery.assignment(assignment.url(), assignment.fallbackUrl(), assignment.params())
                    .thenAccept(answer -> {
                        if (answer.kind() != AssignmentAnswer.Kind.DEFER) {
                            applyIfCurrent(assignment.workspace(), assignment.answered().apply(answer));
                        }
                    })
                    .exceptionally(failure -> {
                        LOG.warnf("TaskRouter simulator: the answer to the assignment callback of Reservation %s "
                                + "could not be applied: %s", assignment.reservationSid(), failure.toString());
                        return null;
                    });
        }
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

    private Representations views(String base, WorkspaceState ws) {
        return new Representations(base, credentials.accountSid(), ws);
    }

    private WorkspaceState seed(Instant now) {
        WorkspaceDefinition def = definition;
        WorkspaceState ws = new WorkspaceState(SidGenerator.seeded("WS", def.friendlyName()), def.friendlyName(), now);
        Map<String, ActivityState> activities = new HashMap<>();
        for (ActivityDefinition a : def.activities()) {
            ActivityState activity = new ActivityState(SidGenerator.seeded("WA", a.friendlyName()), ws.next(),
                    a.friendlyName(), a.available(), now);
            ws.activities.put(activity.sid, activity);
            activities.put(a.friendlyName(), activity);
        }
        ws.defaultActivity = activities.get(def.defaultActivity());
        ws.timeoutActivity = activities.get(def.timeoutActivity());
        ws.eventCallbackUrl = config.eventCallbackUrl().filter(s -> !s.isBlank())
                .orElseGet(() -> resolve(def.eventCallbackPath()));
        for (WorkerDefinition w : def.workers()) {
            String attributes = w.attributesJson();
            WorkerState worker = new WorkerState(SidGenerator.seeded("WK", w.friendlyName()), ws.next(),
                    w.friendlyName(), attributes, Params.parseObject("Attributes", attributes),
                    w.activity() == null ? ws.defaultActivity : activities.get(w.activity()), now);
            ws.workers.put(worker.sid, worker);
        }
        Map<String, String> queueSids = new HashMap<>();
        for (TaskQueueDefinition q : def.taskQueues()) {
            TaskQueueState queue = new TaskQueueState(SidGenerator.seeded("WQ", q.friendlyName()), ws.next(),
                    q.friendlyName(), SimulatorLookups.expression("TargetWorkers", q.targetWorkers()), "FIFO",
                    activities.get(q.reservationActivity()), activities.get(q.assignmentActivity()), now);
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
            WorkflowState workflow = new WorkflowState(SidGenerator.seeded("WW", w.friendlyName()), ws.next(),
                    w.friendlyName(), configuration, WorkflowRouting.parse(configuration, ws.queues::get), callback,
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
