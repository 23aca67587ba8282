package org.taskrouter.assignment.taskrouter;

import java.util.List;

/** One page of a Workflows list. */
public record WorkflowPage(List<Workflow> workflows, PageMeta meta) implements Page<Workflow> {

    @Override
    public List<Workflow> items() {
        return workflows;
    }
}
