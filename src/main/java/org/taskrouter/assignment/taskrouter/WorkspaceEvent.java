package org.taskrouter.assignment.taskrouter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An entry of TaskRouter's event log ({@code taskrouter.v1.workspace.event}), which it keeps for 30 days: the same
 * events it posts to the Event Callback URL.
 *
 * @param eventData what the callback carried, under snake_case names ({@code task_sid}, {@code worker_sid}, …)
 */
public record WorkspaceEvent(String sid, String eventType, String description, String resourceType,
        String resourceSid, Long eventDateMs, JsonNode eventData) {

    /** A text field of {@link #eventData}, or null. */
    public String data(String name) {
        JsonNode value = eventData == null ? null : eventData.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
