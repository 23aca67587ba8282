package org.taskrouter.assignment.taskrouter;

/** A TaskRouter TaskQueue: which Workers may take its Tasks. */
public record TaskQueue(String sid, String friendlyName, String targetWorkers, String reservationActivitySid,
        String assignmentActivitySid) {
}
