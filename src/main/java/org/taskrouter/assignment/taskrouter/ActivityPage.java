package org.taskrouter.assignment.taskrouter;

import java.util.List;

/** One page of {@code GET /Activities}. */
public record ActivityPage(List<Activity> activities, PageMeta meta) implements Page<Activity> {

    @Override
    public List<Activity> items() {
        return activities;
    }
}
