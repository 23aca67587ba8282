package org.taskrouter.assignment.feed;

import java.time.Instant;

/** The shared feed reaches Redis again after {@code downSince}: what TaskRouter logged meanwhile may be missing. */
record FeedResumed(Instant downSince) {
}
