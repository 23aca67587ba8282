package org.taskrouter.assignment.taskrouter;

import java.util.List;

/** One page of {@code GET /Tasks}. */
public record TaskPage(List<Task> tasks, PageMeta meta) implements Page<Task> {

    @Override
    public List<Task> items() {
        return tasks;
    }
}
