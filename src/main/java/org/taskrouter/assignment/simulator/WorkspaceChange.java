package org.taskrouter.assignment.simulator;

/**
 * A change the simulator makes to a Workspace on its own, when a timer fires or an assignment callback is
 * answered. It runs under the Workspace's lock, so it only changes memory: the callbacks it causes wait in the
 * {@link Outbox} until the lock is released. It is dropped if the Workspace was reset since it was planned.
 */
@FunctionalInterface
interface WorkspaceChange {

    void apply(WorkspaceState workspace, Outbox out);
}
