package org.taskrouter.assignment.taskrouter;

/** A TaskRouter Workspace. */
public record Workspace(String sid, String friendlyName, String eventCallbackUrl, String timeoutActivitySid) {
}
