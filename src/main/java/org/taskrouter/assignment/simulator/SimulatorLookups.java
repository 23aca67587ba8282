package org.taskrouter.assignment.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import org.taskrouter.assignment.simulator.expression.ExpressionException;
import org.taskrouter.assignment.simulator.expression.TargetExpression;
import org.taskrouter.assignment.twilio.ReservationStatus;

/**
 * Lookups and checks shared by the simulator's operations: finding a resource of the Workspace or answering 404,
 * and refusing a malformed parameter the way TaskRouter does.
 */
final class SimulatorLookups {

    private SimulatorLookups() {
    }

    static WorkflowState workflowFor(WorkspaceState ws, String workflowSid) {
        if (workflowSid == null || workflowSid.isBlank()) {
            if (ws.workflows.size() == 1) {
                return ws.workflows.values().iterator().next();
            }
            throw TwilioApiException.badRequest("Missing required parameter WorkflowSid in the post body");
        }
        WorkflowState workflow = ws.workflows.get(workflowSid);
        if (workflow == null) {
            throw TwilioApiException.badRequest("Invalid WorkflowSid: " + workflowSid
                    + " is not a Workflow of this Workspace");
        }
        return workflow;
    }

    static ReservationState taskReservation(WorkspaceState ws, String taskSid, String sid) {
        TaskState task = found(ws, ws.tasks, "Tasks", taskSid);
        ReservationState reservation = ws.reservations.get(sid);
        if (reservation == null || reservation.task != task) {
            throw TwilioApiException.notFound("/Workspaces/" + ws.sid + "/Tasks/" + taskSid + "/Reservations/" + sid);
        }
        return reservation;
    }

    static ReservationState workerReservation(WorkspaceState ws, String workerSid, String sid) {
        WorkerState worker = found(ws, ws.workers, "Workers", workerSid);
        ReservationState reservation = ws.reservations.get(sid);
        if (reservation == null || reservation.worker != worker) {
            throw TwilioApiException.notFound("/Workspaces/" + ws.sid + "/Workers/" + workerSid + "/Reservations/"
                    + sid);
        }
        return reservation;
    }

    static ReservationStatus reservationStatusFilter(Params query) {
        String text = query.string("ReservationStatus");
        if (text == null || text.isBlank()) {
            return null;
        }
        ReservationStatus status = ReservationStatus.fromWire(text);
        if (status == null) {
            throw TwilioApiException.badRequest("Invalid ReservationStatus: " + text + " is not one of pending, "
                    + "accepted, rejected, timeout, canceled, rescinded, wrapping, completed");
        }
        return status;
    }

    static <T> T found(WorkspaceState ws, Map<String, T> resources, String collection, String sid) {
        T resource = resources.get(sid);
        if (resource == null) {
            throw TwilioApiException.notFound("/Workspaces/" + ws.sid + "/" + collection + "/" + sid);
        }
        return resource;
    }

    static ActivityState optionalActivity(WorkspaceState ws, Params form, String field) {
        String sid = form.string(field);
        if (sid == null || sid.isBlank()) {
            return null;
        }
        ActivityState activity = ws.activities.get(sid);
        if (activity == null) {
            throw TwilioApiException.badRequest("Invalid " + field + ": " + sid
                    + " is not an Activity of this Workspace");
        }
        return activity;
    }

    static String required(Params form, String field) {
        String value = form.string(field);
        if (value == null || value.isBlank()) {
            throw TwilioApiException.badRequest("Missing required parameter " + field + " in the post body");
        }
        return value;
    }

    static TargetExpression expression(String field, String text) {
        try {
            return TargetExpression.parse(text);
        } catch (ExpressionException e) {
            throw TwilioApiException.badRequest("Invalid " + field + ": " + e.getMessage());
        }
    }

    static void requireUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw TwilioApiException.badRequest("Invalid " + field + ": " + url
                        + " is not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw TwilioApiException.badRequest("Invalid " + field + ": " + url + " is not a URL");
        }
    }

    static void checkIfMatch(TaskState task, String ifMatch) {
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

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
