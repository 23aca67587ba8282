package org.taskrouter.assignment.setup;

import java.util.List;

/**
 * What {@code POST /api/setup} did: each resource of the definition, whether it was created or found, and the
 * {@code .env} lines that name them.
 */
public record SetupResult(String workspaceSid, List<Step> steps, List<String> envLines, List<String> warnings) {

    /** One resource: its kind, name and SID, and whether this run created it. */
    public record Step(String kind, String friendlyName, String sid, boolean created) {
    }
}
