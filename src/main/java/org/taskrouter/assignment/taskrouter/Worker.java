package org.taskrouter.assignment.taskrouter;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** A TaskRouter Worker with its current Activity. */
public record Worker(
        String sid,
        String friendlyName,
        String activitySid,
        String activityName,
        Boolean available,
        @JsonDeserialize(using = JsonTextDeserializer.class) JsonNode attributes,
        Instant dateStatusChanged,
        Instant dateUpdated) {
}
