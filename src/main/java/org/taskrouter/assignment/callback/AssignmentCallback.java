package org.taskrouter.assignment.callback;

import org.taskrouter.assignment.taskrouter.Sids;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What TaskRouter tells the service when it reserves a Worker for a Task. Parameters beyond these are kept in
 * the {@link CallbackForm} (they count for the signature) but mean nothing to the policy.
 */
public record AssignmentCallback(
        String accountSid,
        String workspaceSid,
        String workflowSid,
        String taskQueueSid,
        String workerSid,
        JsonNode workerAttributes,
        String taskSid,
        JsonNode taskAttributes,
        String taskAge,
        String taskPriority,
        String reservationSid,
        String timestamp) {

    /** Reads the callback's parameters; a 400 names the first that is missing or malformed. */
    public static AssignmentCallback from(CallbackForm form, AttributesReader attributes) {
        return new AssignmentCallback(
                form.first("AccountSid"),
                form.first("WorkspaceSid"),
                form.first("WorkflowSid"),
                form.first("TaskQueueSid"),
                Sids.require(form.required("WorkerSid"), "WK", "WorkerSid"),
                attributes.read("WorkerAttributes", form.first("WorkerAttributes")),
                Sids.require(form.required("TaskSid"), "WT", "TaskSid"),
                attributes.read("TaskAttributes", form.first("TaskAttributes")),
                form.first("TaskAge"),
                form.first("TaskPriority"),
                Sids.require(form.required("ReservationSid"), "WR", "ReservationSid"),
                form.first("Timestamp"));
    }
}
