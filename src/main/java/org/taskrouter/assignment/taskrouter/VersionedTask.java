package org.taskrouter.assignment.taskrouter;

/** A Task with the ETag TaskRouter gave it, for conditional updates ({@code If-Match}). */
public record VersionedTask(Task task, String etag) {
}
