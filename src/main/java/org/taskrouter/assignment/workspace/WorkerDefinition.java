package org.taskrouter.assignment.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A Worker and the Activity it starts in.
 *
 * @param friendlyName the Worker's name
 * @param activity the friendly name of its starting Activity; absent, the Workspace's default Activity
 * @param attributes the Worker's attributes, matched by TaskQueues' target expressions
 */
// Bound from YAML by WorkspaceDefinition's own ObjectMapper, which Quarkus does not see.
@RegisterForReflection
public record WorkerDefinition(String friendlyName, String activity, Map<String, Object> attributes) {

    /** Checks that the name is present; no attributes means {@code {}}. */
    public WorkerDefinition {
        WorkspaceDefinition.require(friendlyName, "worker friendly_name");
        // Insertion order kept, so the JSON reads as the YAML was written, the same on every run.
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The attributes as the JSON string TaskRouter's {@code Attributes} form field takes. */
    public String attributesJson() {
        try {
            return WorkspaceDefinition.mapper().writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the attributes of worker " + friendlyName + " cannot be written as JSON", e);
        }
    }
}
