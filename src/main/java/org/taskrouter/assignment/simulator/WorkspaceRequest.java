package org.taskrouter.assignment.simulator;

import java.time.Instant;

/**
 * What a REST operation's body knows of its request, resolved once under the Workspace's lock so that no body
 * looks the Workspace up or rebuilds its links itself.
 *
 * @param workspace the Workspace the path names
 * @param views its representations, linked on the base URL the request came in on so that a client can follow them
 * @param now when the request is served; for a change, the instant of its {@link Outbox}
 */
record WorkspaceRequest(WorkspaceState workspace, Representations views, Instant now) {
}
