package org.taskrouter.assignment.taskrouter;

/** A TaskRouter Workflow: how Tasks find a TaskQueue, and where assignment callbacks go. */
public record Workflow(String sid, String friendlyName, String assignmentCallbackUrl,
        String fallbackAssignmentCallbackUrl, Integer taskReservationTimeout, String configuration) {
}
