package org.taskrouter.assignment.simulator;

/**
 * The body of a REST operation that changes the Workspace. It runs under the Workspace's lock, so it only changes
 * memory: the callbacks it causes wait in the {@link Outbox} until the lock is released. What it returns is what
 * the response shows, a snapshot taken under the lock.
 *
 * @param <T> the resource the response shows
 */
@FunctionalInterface
interface RequestChange<T> {

    T apply(WorkspaceRequest request, Outbox out);
}
