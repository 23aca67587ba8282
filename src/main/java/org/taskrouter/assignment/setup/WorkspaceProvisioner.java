package org.taskrouter.assignment.setup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Singleton;

import org.taskrouter.assignment.config.TwilioConfig;
import org.taskrouter.assignment.taskrouter.Activity;
import org.taskrouter.assignment.taskrouter.TaskQueue;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;
import org.taskrouter.assignment.taskrouter.Worker;
import org.taskrouter.assignment.taskrouter.Workflow;
import org.taskrouter.assignment.workspace.ActivityDefinition;
import org.taskrouter.assignment.workspace.TaskQueueDefinition;
import org.taskrouter.assignment.workspace.WorkerDefinition;
import org.taskrouter.assignment.workspace.WorkflowDefinition;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import io.smallrye.mutiny.Uni;

/**
 * Creates a {@link WorkspaceDefinition}'s Activities, TaskQueues, Workers and Workflows in the configured
 * Workspace through the typed client. Idempotent: what already exists under the same friendly name is reused,
 * not duplicated; Workflows are re-pointed at the current public URL (an ngrok URL changes on every restart)
 * and the Workspace's Event Callback URL is set each time.
 */
@Singleton
public class WorkspaceProvisioner {

    private final TaskRouterClient taskRouter;
    private final TwilioConfig twilio;

    public WorkspaceProvisioner(TaskRouterClient taskRouter, TwilioConfig twilio) {
        this.taskRouter = taskRouter;
        this.twilio = twilio;
    }

    /** Provisions {@code definition}, resolving its callback paths against {@code publicBaseUrl}. */
    public Uni<SetupResult> provision(WorkspaceDefinition definition, String publicBaseUrl, List<String> warnings) {
        Run run = new Run(definition, publicBaseUrl);
        return run.activities()
                .flatMap(ignored -> run.taskQueues())
                .flatMap(ignored -> run.workers())
                .flatMap(ignored -> run.workflows())
                .flatMap(ignored -> taskRouter.updateWorkspace(publicBaseUrl + definition.eventCallbackPath(),
                        run.activitySids.get(definition.timeoutActivity())))
                .map(ignored -> new SetupResult(twilio.workspaceSid().orElseThrow(), List.copyOf(run.steps),
                        run.envLines(), List.copyOf(warnings)));
    }

    /** One provisioning run: the SIDs found or created so far, by friendly name. */
    private final class Run {

        final WorkspaceDefinition definition;
        final String publicBaseUrl;
        final List<SetupResult.Step> steps = new ArrayList<>();
        final Map<String, String> activitySids = new HashMap<>();
        final Map<String, String> queueSids = new HashMap<>();
        final Map<String, String> workerSids = new HashMap<>();
        final Map<String, String> workflowSids = new HashMap<>();

        Run(WorkspaceDefinition definition, String publicBaseUrl) {
            this.definition = definition;
            this.publicBaseUrl = publicBaseUrl;
        }

        Uni<Void> activities() {
            return taskRouter.listActivities().flatMap(existing -> sequentially(definition.activities(),
                    wanted -> find(existing, Activity::friendlyName, wanted.friendlyName(), Activity::sid)
                            .map(sid -> found("activity", wanted.friendlyName(), sid, activitySids))
                            .orElseGet(() -> createActivity(wanted))));
        }

        private Uni<Void> createActivity(ActivityDefinition wanted) {
            return taskRouter.createActivity(wanted.friendlyName(), wanted.available())
                    .map(created -> created("activity", wanted.friendlyName(), created.sid(), activitySids));
        }

        Uni<Void> taskQueues() {
            return taskRouter.listTaskQueues().flatMap(existing -> sequentially(definition.taskQueues(),
                    wanted -> find(existing, TaskQueue::friendlyName, wanted.friendlyName(), TaskQueue::sid)
                            .map(sid -> found("taskQueue", wanted.friendlyName(), sid, queueSids))
                            .orElseGet(() -> createTaskQueue(wanted))));
        }

        private Uni<Void> createTaskQueue(TaskQueueDefinition wanted) {
            return taskRouter.createTaskQueue(wanted.friendlyName(), wanted.targetWorkers(),
                    activitySid(wanted.reservationActivity()), activitySid(wanted.assignmentActivity()))
                    .map(created -> created("taskQueue", wanted.friendlyName(), created.sid(), queueSids));
        }

        Uni<Void> workers() {
            return taskRouter.listWorkers().flatMap(existing -> sequentially(definition.workers(),
                    wanted -> find(existing, Worker::friendlyName, wanted.friendlyName(), Worker::sid)
                            .map(sid -> found("worker", wanted.friendlyName(), sid, workerSids))
                            .orElseGet(() -> createWorker(wanted))));
        }

        private Uni<Void> createWorker(WorkerDefinition wanted) {
            return taskRouter.createWorker(wanted.friendlyName(), wanted.attributesJson(),
                    activitySid(wanted.activity()))
                    .map(created -> created("worker", wanted.friendlyName(), created.sid(), workerSids));
        }

        Uni<Void> workflows() {
            return taskRouter.listWorkflows().flatMap(existing -> sequentially(definition.workflows(), wanted -> {
                String configuration = wanted.configurationJson(queueSids);
                String callback = publicBaseUrl + wanted.assignmentCallbackPath();
                String fallback = wanted.fallbackAssignmentCallbackPath() == null ? null
                        : publicBaseUrl + wanted.fallbackAssignmentCallbackPath();
                Optional<String> sid = find(existing, Workflow::friendlyName, wanted.friendlyName(), Workflow::sid);
                if (sid.isPresent()) {
                    return taskRouter.updateWorkflow(sid.get(), configuration, callback, fallback,
                            wanted.taskReservationTimeout())
                            .map(updated -> recorded("workflow", wanted.friendlyName(), updated.sid(), false, workflowSids));
                }
                return taskRouter.createWorkflow(wanted.friendlyName(), configuration, callback, fallback,
                        wanted.taskReservationTimeout())
                        .map(created -> created("workflow", wanted.friendlyName(), created.sid(), workflowSids));
            }));
        }

        private String activitySid(String friendlyName) {
            return friendlyName == null ? null : activitySids.get(friendlyName);
        }

        private Uni<Void> found(String kind, String name, String sid, Map<String, String> sids) {
            recorded(kind, name, sid, false, sids);
            return Uni.createFrom().voidItem();
        }

        private Void created(String kind, String name, String sid, Map<String, String> sids) {
            return recorded(kind, name, sid, true, sids);
        }

        private Void recorded(String kind, String name, String sid, boolean created, Map<String, String> sids) {
            sids.put(name, sid);
            steps.add(new SetupResult.Step(kind, name, sid, created));
            return null;
        }

        /** The quickstart's variables; the Worker and post-work Activity names are the quickstart's own. */
        List<String> envLines() {
            List<String> lines = new ArrayList<>();
            lines.add("TWILIO_WORKSPACE_SID=" + twilio.workspaceSid().orElseThrow());
            definition.workflows().stream().findFirst()
                    .ifPresent(w -> lines.add("TWILIO_WORKFLOW_SID=" + workflowSids.get(w.friendlyName())));
            Optional.ofNullable(workerSids.get("Alice")).ifPresent(sid -> lines.add("TWILIO_WORKER_ALICE_SID=" + sid));
            Optional.ofNullable(workerSids.get("Bob")).ifPresent(sid -> lines.add("TWILIO_WORKER_BOB_SID=" + sid));
            Optional.ofNullable(activitySids.get("WrapUp"))
                    .ifPresent(sid -> lines.add("TWILIO_POST_WORKER_ACTIVITY=" + sid));
            return lines;
        }
    }

    private static <T> Optional<String> find(List<T> existing, Function<T, String> name, String wanted,
            Function<T, String> sid) {
        return existing.stream().filter(item -> wanted.equals(name.apply(item))).map(sid).findFirst();
    }

    /** One resource after the other: later ones name earlier ones' SIDs, and TaskRouter rate-limits bursts. */
    private static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<Void>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item));
        }
        return chain;
    }
}
