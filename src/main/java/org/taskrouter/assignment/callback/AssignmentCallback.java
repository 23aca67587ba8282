package org.taskrouter.assignment.callback;

import org.taskrouter.assignment.twilio.SidFormat;

/**
 * What TaskRouter tells the service when it reserves a Worker for a Task. Parameters beyond these are kept in
 * the {@link CallbackForm} (they count for the signature) but mean nothing to the policy. The attributes are
 * JSON objects, checked, as TaskRouter sent them ({@link AttributesReader#tree} reads one).
 */
public record AssignmentCallback(
        String accountSid,
        String workspaceSid,
        String workflowSid,
        String taskQueueSid,
        String workerSid,
        String workerAttributes,
        String taskSid,
        String taskAttributes,
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
                SidFormat.require(form.required("WorkerSid"), "WK", "WorkerSid"),
                attributes.check("WorkerAttributes", form.first("WorkerAttributes")),
                SidFormat.require(form.required("TaskSid"), "WT", "TaskSid"),
                attributes.check("TaskAttributes", form.first("TaskAttributes")),
                form.first("TaskAge"),
                form.first("TaskPriority"),
                SidFormat.require(form.required("ReservationSid"), "WR", "ReservationSid"),
                form.first("Timestamp"));
    }
}
