package org.taskrouter.assignment.taskrouter;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** A TaskRouter Task, as the REST API describes it. */
public record Task(
        String sid,
        String accountSid,
        String workspaceSid,
        String workflowSid,
        String workflowFriendlyName,
        String taskQueueSid,
        String taskQueueFriendlyName,
        String assignmentStatus,
        @JsonDeserialize(using = JsonTextDeserializer.class) JsonNode attributes,
        Integer priority,
        Integer age,
        Integer timeout,
        String reason,
        String taskChannelUniqueName,
        Instant dateCreated,
        Instant dateUpdated) {
}
