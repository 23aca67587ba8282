package org.taskrouter.assignment.taskrouter;

import java.util.List;

/** One page of {@code GET /Events}. */
public record WorkspaceEventPage(List<WorkspaceEvent> events, PageMeta meta) implements Page<WorkspaceEvent> {

    @Override
    public List<WorkspaceEvent> items() {
        return events;
    }
}
