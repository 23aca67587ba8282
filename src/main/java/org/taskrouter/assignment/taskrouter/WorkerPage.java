package org.taskrouter.assignment.taskrouter;

import java.util.List;

/** One page of {@code GET /Workers}. */
public record WorkerPage(List<Worker> workers, PageMeta meta) implements Page<Worker> {

    @Override
    public List<Worker> items() {
        return workers;
    }
}
