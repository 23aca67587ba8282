package org.taskrouter.assignment.operator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/tasks}: the Task's attributes and, optionally, how TaskRouter should treat it. */
public record CreateTaskRequest(
        @NotNull(message = "is required: a JSON object, e.g. {\"selected_language\":\"es\"}") JsonNode attributes,
        @Min(0) @Max(Integer.MAX_VALUE) Integer priority,
        @Min(1) @Max(1_209_600) Integer timeout,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}|TC[0-9a-fA-F]{32}",
                message = "must be a Task Channel unique name (e.g. voice, chat) or TC SID") String taskChannel) {
}
