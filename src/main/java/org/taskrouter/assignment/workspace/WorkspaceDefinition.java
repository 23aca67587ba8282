package org.taskrouter.assignment.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A TaskRouter Workspace described declaratively: its Activities, Workers, TaskQueues and Workflows, which refer
 * to each other by friendly name. The embedded simulator seeds itself from it, and the setup endpoint creates the
 * same resources on real TaskRouter, substituting the SIDs TaskRouter hands out.
 *
 * @param friendlyName the Workspace's name
 * @param eventCallbackPath the path of the event callback, resolved against the service's public base URL
 * @param defaultActivity the Activity new Workers start in
 * @param timeoutActivity the Activity a Worker moves to when one of its Reservations times out
 * @param activities the Activities, in creation order
 * @param workers the Workers
 * @param taskQueues the TaskQueues
 * @param workflows the Workflows
 */
// Bound from YAML by WorkspaceDefinition's own ObjectMapper, which Quarkus does not see.
@RegisterForReflection
public record WorkspaceDefinition(
        String friendlyName,
        String eventCallbackPath,
        String defaultActivity,
        String timeoutActivity,
        List<ActivityDefinition> activities,
        List<WorkerDefinition> workers,
        List<TaskQueueDefinition> taskQueues,
        List<WorkflowDefinition> workflows) {

    /** The class-path resource holding the quickstart's Workspace. */
    public static final String QUICKSTART_RESOURCE = "workspace/quickstart-workspace.yaml";

    // The YAML file uses TaskRouter's own snake_case names; unknown keys are typos and fail the load.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Checks that the required parts are present and that every name a resource refers to is defined. */
    public WorkspaceDefinition {
        require(friendlyName, "friendly_name");
        activities = List.copyOf(require(activities, "activities"));
        workers = workers == null ? List.of() : List.copyOf(workers);
        taskQueues = taskQueues == null ? List.of() : List.copyOf(taskQueues);
        workflows = workflows == null ? List.of() : List.copyOf(workflows);

        Set<String> activityNames = uniqueNames("activity", activities.stream().map(ActivityDefinition::friendlyName).toList());
        Set<String> queueNames = uniqueNames("task queue", taskQueues.stream().map(TaskQueueDefinition::friendlyName).toList());
        uniqueNames("worker", workers.stream().map(WorkerDefinition::friendlyName).toList());
        uniqueNames("workflow", workflows.stream().map(WorkflowDefinition::friendlyName).toList());

        defaultActivity = defaultActivity == null ? activities.get(0).friendlyName() : defaultActivity;
        timeoutActivity = timeoutActivity == null ? defaultActivity : timeoutActivity;
        refersTo(activityNames, defaultActivity, "default_activity");
        refersTo(activityNames, timeoutActivity, "timeout_activity");
        for (WorkerDefinition worker : workers) {
            refersTo(activityNames, worker.activity(), "worker " + worker.friendlyName() + " activity");
        }
        for (TaskQueueDefinition queue : taskQueues) {
            refersTo(activityNames, queue.reservationActivity(), "task queue " + queue.friendlyName() + " reservation_activity");
            refersTo(activityNames, queue.assignmentActivity(), "task queue " + queue.friendlyName() + " assignment_activity");
        }
        for (WorkflowDefinition workflow : workflows) {
            for (RoutingFilterDefinition filter : workflow.filters()) {
                refersTo(queueNames, filter.queue(), "workflow " + workflow.friendlyName() + " filter " + filter.filterFriendlyName());
            }
            refersTo(queueNames, workflow.defaultQueue(), "workflow " + workflow.friendlyName() + " default_queue");
        }
    }

    /** The quickstart's Workspace, read from {@value #QUICKSTART_RESOURCE}. */
    public static WorkspaceDefinition loadQuickstart() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : WorkspaceDefinition.class.getClassLoader())
                .getResourceAsStream(QUICKSTART_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the class-path resource " + QUICKSTART_RESOURCE + " is missing");
            }
            return load(in, QUICKSTART_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + QUICKSTART_RESOURCE, e);
        }
    }

    /** A Workspace read from YAML; {@code source} names the input in error messages. */
    public static WorkspaceDefinition load(InputStream yaml, String source) {
        // SafeConstructor: plain maps, lists and scalars only, never arbitrary classes.
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(tree instanceof Map)) {
            throw new IllegalArgumentException(source + " does not hold a YAML mapping");
        }
        try {
            return MAPPER.convertValue(tree, WorkspaceDefinition.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a valid workspace definition: " + e.getMessage(), e);
        }
    }

    /** The Activity called {@code friendlyName}. */
    public ActivityDefinition activity(String friendlyName) {
        return activities.stream().filter(a -> a.friendlyName().equals(friendlyName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no activity is called " + friendlyName));
    }

    static <T> T require(T value, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static Set<String> uniqueNames(String kind, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("two " + kind + " definitions are called " + name);
            }
        }
        return seen;
    }

    private static void refersTo(Set<String> known, String name, String where) {
        if (name != null && !known.contains(name)) {
            throw new IllegalArgumentException(where + " names " + name + ", which is not defined");
        }
    }

    /** The Jackson mapper the definition records use, shared so renderings agree. */
    static ObjectMapper mapper() {
        return MAPPER;
    }
}
