package org.taskrouter.assignment.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The JSON shapes of TaskRouter's REST API, field for field as in the official OpenAPI description
 * ({@code twilio_taskrouter_v1.json}): snake_case names, nulls written out, {@code attributes} as a JSON string.
 */
public final class ResourceJson {

    private ResourceJson() {
    }

    /** A Workspace ({@code taskrouter.v1.workspace}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Workspace(String accountSid, String dateCreated, String dateUpdated, String defaultActivityName,
            String defaultActivitySid, String eventCallbackUrl, String eventsFilter, String friendlyName,
            boolean multiTaskEnabled, String sid, String timeoutActivityName, String timeoutActivitySid,
            String prioritizeQueueOrder, String url, Map<String, String> links) {
    }

    /** An Activity ({@code taskrouter.v1.workspace.activity}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Activity(String accountSid, boolean available, String dateCreated, String dateUpdated,
            String friendlyName, String sid, String workspaceSid, String url, Map<String, String> links) {
    }

    /** A Worker ({@code taskrouter.v1.workspace.worker}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Worker(String accountSid, String activityName, String activitySid, String attributes,
            boolean available, String dateCreated, String dateStatusChanged, String dateUpdated, String friendlyName,
            String sid, String workspaceSid, String url, Map<String, String> links) {
    }

    /** A TaskQueue ({@code taskrouter.v1.workspace.task_queue}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TaskQueue(String accountSid, String assignmentActivitySid, String assignmentActivityName,
            String dateCreated, String dateUpdated, String friendlyName, int maxReservedWorkers,
            String reservationActivitySid, String reservationActivityName, String sid, String targetWorkers,
            String taskOrder, String url, String workspaceSid, Map<String, String> links) {
    }

    /**
     * A TaskQueue's live figures ({@code taskrouter.v1.workspace.task_queue.task_queue_real_time_statistics}).
     * {@code activity_statistics} and {@code tasks_by_priority} are not computed: empty.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TaskQueueRealTimeStatistics(String accountSid, List<Map<String, Object>> activityStatistics,
            long longestTaskWaitingAge, String longestTaskWaitingSid, long longestRelativeTaskAgeInQueue,
            String longestRelativeTaskSidInQueue, String taskQueueSid, Map<String, Integer> tasksByPriority,
            Map<String, Integer> tasksByStatus, int totalAvailableWorkers, int totalEligibleWorkers, int totalTasks,
            String workspaceSid, String url) {
    }

    /** A Workspace's live figures ({@code taskrouter.v1.workspace.workspace_real_time_statistics}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WorkspaceRealTimeStatistics(String accountSid, List<Map<String, Object>> activityStatistics,
            long longestTaskWaitingAge, String longestTaskWaitingSid, Map<String, Integer> tasksByPriority,
            Map<String, Integer> tasksByStatus, int totalTasks, int totalWorkers, String workspaceSid, String url) {
    }

    /** An entry of the Workspace's event log ({@code taskrouter.v1.workspace.event}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WorkspaceEvent(String accountSid, String actorSid, String actorType, String actorUrl,
            String description, Map<String, String> eventData, String eventDate, long eventDateMs, String eventType,
            String resourceSid, String resourceType, String resourceUrl, String sid, String source,
            String sourceIpAddress, String url, String workspaceSid) {
    }

    /** A Workflow ({@code taskrouter.v1.workspace.workflow}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Workflow(String accountSid, String assignmentCallbackUrl, String configuration, String dateCreated,
            String dateUpdated, String documentContentType, String fallbackAssignmentCallbackUrl, String friendlyName,
            String sid, int taskReservationTimeout, String workspaceSid, String url, Map<String, String> links) {
    }

    /** A Task ({@code taskrouter.v1.workspace.task}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Task(String accountSid, long age, String assignmentStatus, String attributes, String addons,
            String dateCreated, String dateUpdated, String taskQueueEnteredDate, int priority, String reason,
            String sid, String taskQueueSid, String taskQueueFriendlyName, String taskChannelSid,
            String taskChannelUniqueName, int timeout, String workflowSid, String workflowFriendlyName,
            String workspaceSid, String url, Map<String, String> links, String virtualStartTime,
            boolean ignoreCapacity, String routingTarget) {
    }

    /** A Reservation, seen from its Task or its Worker (the two schemas have the same fields). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Reservation(String accountSid, String dateCreated, String dateUpdated, String reservationStatus,
            String sid, String taskSid, String workerName, String workerSid, String workspaceSid, String url,
            Map<String, String> links) {
    }

    /** The {@code meta} object of every list answer. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Meta(int page, int pageSize, String firstPageUrl, String previousPageUrl, String url,
            String nextPageUrl, String key) {
    }

    /** A Task and its ETag, which the REST layer sends as a header. */
    public record VersionedTask(Task task, String etag) {
    }

    /** One page of a list: the items under {@code meta.key}, and {@code meta}. */
    public record Page<T>(String key, List<T> items, Meta meta) {

        /** The answer as TaskRouter writes it: {@code {"<key>":[…],"meta":{…}}}. */
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(key, items);
            body.put("meta", meta);
            return body;
        }
    }
}
