package org.taskrouter.assignment.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.taskrouter.assignment.twilio.TaskAssignmentStatus;

/**
 * Turns the simulator's state into TaskRouter's JSON, with every {@code url} and link on the base the request
 * came in on, so that a client can follow them. Called under the simulator's lock: the records it makes are
 * snapshots.
 */
final class Representations {

    private final String workspaceUrl;
    private final String accountSid;
    private final WorkspaceState workspace;

    /**
     * @param base the scheme, host and port of the request, e.g. {@code http://localhost:8080}
     */
    Representations(String base, String accountSid, WorkspaceState workspace) {
        this.workspaceUrl = base + "/v1/Workspaces/" + workspace.sid;
        this.accountSid = accountSid;
        this.workspace = workspace;
    }

    /** The absolute URL of a collection of this Workspace, e.g. {@code Tasks}. */
    String collectionUrl(String relative) {
        return workspaceUrl + "/" + relative;
    }

    ResourceJson.Workspace workspace() {
        WorkspaceState ws = workspace;
        Map<String, String> links = new LinkedHashMap<>();
        for (String collection : new String[] {"activities", "statistics", "real_time_statistics",
                "cumulative_statistics", "task_queues", "tasks", "workers", "workflows", "task_channels", "events"}) {
            links.put(collection, workspaceUrl + "/" + pascal(collection));
        }
        return new ResourceJson.Workspace(accountSid, date(ws.created), date(ws.updated),
                ws.defaultActivity.friendlyName, ws.defaultActivity.sid, ws.eventCallbackUrl, null, ws.friendlyName,
                false, ws.sid, ws.timeoutActivity.friendlyName, ws.timeoutActivity.sid, "FIFO", workspaceUrl, links);
    }

    ResourceJson.Activity activity(ActivityState a) {
        return new ResourceJson.Activity(accountSid, a.available, date(a.created), date(a.updated), a.friendlyName,
                a.sid, workspace.sid, workspaceUrl + "/Activities/" + a.sid, Map.of("workspace", workspaceUrl));
    }

    ResourceJson.Worker worker(WorkerState w) {
        String url = workspaceUrl + "/Workers/" + w.sid;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("channels", url + "/Channels");
        links.put("activity", workspaceUrl + "/Activities/" + w.activity.sid);
        links.put("workspace", workspaceUrl);
        links.put("reservations", url + "/Reservations");
        links.put("worker_statistics", url + "/Statistics");
        return new ResourceJson.Worker(accountSid, w.activity.friendlyName, w.activity.sid, w.attributesText,
                w.activity.available, date(w.created), date(w.statusChanged), date(w.updated), w.friendlyName, w.sid,
                workspace.sid, url, links);
    }

    ResourceJson.TaskQueue queue(TaskQueueState q) {
        String url = workspaceUrl + "/TaskQueues/" + q.sid;
        Map<String, String> links = new LinkedHashMap<>();
        if (q.assignmentActivity != null) {
            links.put("assignment_activity", workspaceUrl + "/Activities/" + q.assignmentActivity.sid);
        }
        if (q.reservationActivity != null) {
            links.put("reservation_activity", workspaceUrl + "/Activities/" + q.reservationActivity.sid);
        }
        links.put("workspace", workspaceUrl);
        links.put("statistics", url + "/Statistics");
        return new ResourceJson.TaskQueue(accountSid, sidOf(q.assignmentActivity), nameOf(q.assignmentActivity),
                date(q.created), date(q.updated), q.friendlyName, 1, sidOf(q.reservationActivity),
                nameOf(q.reservationActivity), q.sid, q.targetWorkers.text(), q.taskOrder, url, workspace.sid, links);
    }

    ResourceJson.Workflow workflow(WorkflowState wf) {
        String url = workspaceUrl + "/Workflows/" + wf.sid;
        return new ResourceJson.Workflow(accountSid, wf.assignmentCallbackUrl, wf.configuration, date(wf.created),
                date(wf.updated), "application/json", wf.fallbackAssignmentCallbackUrl, wf.friendlyName, wf.sid,
                wf.timeoutSeconds(), workspace.sid, url, Map.of("statistics", url + "/Statistics"));
    }

    ResourceJson.Task task(TaskState t, Instant now) {
        String url = workspaceUrl + "/Tasks/" + t.sid;
        Map<String, String> links = new LinkedHashMap<>();
        if (t.queue != null) {
            links.put("task_queue", workspaceUrl + "/TaskQueues/" + t.queue.sid);
        }
        links.put("workflow", workspaceUrl + "/Workflows/" + t.workflow.sid);
        links.put("workspace", workspaceUrl);
        links.put("reservations", url + "/Reservations");
        return new ResourceJson.Task(accountSid, age(t, now), t.status.wire(), t.attributesText, "{}", date(t.created),
                date(t.updated), date(t.queueEntered), t.priority, t.reason, t.sid,
                t.queue == null ? null : t.queue.sid, t.queue == null ? null : t.queue.friendlyName,
                SidGenerator.seeded("TC", t.taskChannel), t.taskChannel, t.timeout, t.workflow.sid,
                t.workflow.friendlyName, workspace.sid, url, links, date(t.created), false, null);
    }

    /** The Task's ETag, the version {@code If-Match} must name. */
    static String etag(TaskState t) {
        return "\"" + t.version + "\"";
    }

    /** A Reservation as {@code /Tasks/{TaskSid}/Reservations/{Sid}} shows it. */
    ResourceJson.Reservation taskReservation(ReservationState r) {
        return reservation(r, workspaceUrl + "/Tasks/" + r.task.sid + "/Reservations/" + r.sid);
    }

    /** A Reservation as {@code /Workers/{WorkerSid}/Reservations/{Sid}} shows it. */
    ResourceJson.Reservation workerReservation(ReservationState r) {
        return reservation(r, workspaceUrl + "/Workers/" + r.worker.sid + "/Reservations/" + r.sid);
    }

    private ResourceJson.Reservation reservation(ReservationState r, String url) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("task", workspaceUrl + "/Tasks/" + r.task.sid);
        links.put("worker", workspaceUrl + "/Workers/" + r.worker.sid);
        links.put("workspace", workspaceUrl);
        return new ResourceJson.Reservation(accountSid, date(r.created), date(r.updated), r.status.wire(), r.sid,
                r.task.sid, r.worker.friendlyName, r.worker.sid, workspace.sid, url, links);
    }

    /** Seconds since the Task was created. */
    static long age(TaskState t, Instant now) {
        return Math.max(0, Duration.between(t.created, now).getSeconds());
    }

    /** ISO-8601 UTC to the second, as TaskRouter writes dates, or null. */
    static String date(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String sidOf(ActivityState a) {
        return a == null ? null : a.sid;
    }

    private static String nameOf(ActivityState a) {
        return a == null ? null : a.friendlyName;
    }

    private static String pascal(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /**
     * A TaskQueue's live figures, from the Workspace's state at {@code now}: Tasks not yet finished by status, the
     * longest a pending one has waited, and the Workers its target expression admits (and of those, the idle ones).
     */
    ResourceJson.TaskQueueRealTimeStatistics queueStatistics(TaskQueueState q, Instant now) {
        Map<String, Integer> byStatus = unfinishedStatusCounts();
        int total = 0;
        TaskState longestWaiting = null;
        for (TaskState task : workspace.tasks.values()) {
            if (task.queue != q || task.finished()) {
                continue;
            }
            total++;
            byStatus.merge(task.status.wire(), 1, Integer::sum);
            if (task.status == TaskAssignmentStatus.PENDING
                    && (longestWaiting == null || task.queueEntered.isBefore(longestWaiting.queueEntered))) {
                longestWaiting = task;
            }
        }
        int eligible = 0;
        int available = 0;
        for (WorkerState worker : workspace.workers.values()) {
            if (q.targetWorkers.matches(worker.attributes)) {
                eligible++;
                if (worker.activity.available) {
                    available++;
                }
            }
        }
        long waited = longestWaiting == null ? 0 : Duration.between(longestWaiting.queueEntered, now).toSeconds();
        String waitingSid = longestWaiting == null ? null : longestWaiting.sid;
        return new ResourceJson.TaskQueueRealTimeStatistics(accountSid, List.of(), waited, waitingSid, waited,
                waitingSid, q.sid, Map.of(), byStatus, available, eligible, total, workspace.sid,
                workspaceUrl + "/TaskQueues/" + q.sid + "/RealTimeStatistics");
    }

    /**
     * The Workspace's RealTimeStatistics at {@code now}: unfinished Tasks by status and priority, Workers by
     * Activity.
     */
    ResourceJson.WorkspaceRealTimeStatistics workspaceStatistics(Instant now) {
        Map<String, Integer> byStatus = unfinishedStatusCounts();
        Map<String, Integer> byPriority = new TreeMap<>();
        int total = 0;
        TaskState longestWaiting = null;
        for (TaskState task : workspace.tasks.values()) {
            if (task.finished()) {
                continue;
            }
            total++;
            byStatus.merge(task.status.wire(), 1, Integer::sum);
            byPriority.merge(String.valueOf(task.priority), 1, Integer::sum);
            if (task.status == TaskAssignmentStatus.PENDING && task.queueEntered != null
                    && (longestWaiting == null || task.queueEntered.isBefore(longestWaiting.queueEntered))) {
                longestWaiting = task;
            }
        }
        List<Map<String, Object>> byActivity = new ArrayList<>();
        for (ActivityState activity : workspace.activities.values()) {
            long workers = workspace.workers.values().stream().filter(w -> w.activity == activity).count();
            byActivity.add(Map.of("sid", activity.sid, "friendly_name", activity.friendlyName, "workers", workers));
        }
        long waited = longestWaiting == null ? 0 : Duration.between(longestWaiting.queueEntered, now).toSeconds();
        return new ResourceJson.WorkspaceRealTimeStatistics(accountSid, byActivity, waited,
                longestWaiting == null ? null : longestWaiting.sid, byPriority, byStatus, total,
                workspace.workers.size(), workspace.sid, workspaceUrl + "/RealTimeStatistics");
    }

    /** A zero for every status an unfinished Task can be in, so that each shows even when nothing is in it. */
    private static Map<String, Integer> unfinishedStatusCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TaskAssignmentStatus status : List.of(TaskAssignmentStatus.PENDING, TaskAssignmentStatus.RESERVED,
                TaskAssignmentStatus.ASSIGNED, TaskAssignmentStatus.WRAPPING)) {
            counts.put(status.wire(), 0);
        }
        return counts;
    }

    /**
     * An event of the log as {@code GET /Events} shows it: {@code event_data} holds what the callback carried, under
     * snake_case names ({@code TaskSid} becomes {@code task_sid}).
     */
    ResourceJson.WorkspaceEvent event(Map<String, String> logged) {
        Map<String, String> data = new LinkedHashMap<>();
        logged.forEach((name, value) -> {
            if (!name.startsWith("_")) {
                data.put(snakeCase(name), value);
            }
        });
        long millis = Long.parseLong(logged.get("TimestampMs"));
        String resourcePath = switch (logged.get("ResourceType")) {
            case "Task" -> "/Tasks/";
            case "Worker" -> "/Workers/";
            case "Reservation" -> "/Tasks/" + logged.get("TaskSid") + "/Reservations/";
            default -> "/";
        };
        return new ResourceJson.WorkspaceEvent(accountSid, null, null, null, logged.get("EventDescription"), data,
                Instant.ofEpochMilli(millis).toString(), millis, logged.get("EventType"), logged.get("ResourceSid"),
                logged.get("ResourceType"), workspaceUrl + resourcePath + logged.get("ResourceSid"), logged.get("Sid"),
                "TASKROUTER", null, workspaceUrl + "/Events/" + logged.get("Sid"), workspace.sid);
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                snake.append('_');
            }
            snake.append(Character.toLowerCase(c));
        }
        return snake.toString();
    }
}
