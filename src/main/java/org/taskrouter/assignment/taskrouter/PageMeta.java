package org.taskrouter.assignment.taskrouter;

/** The {@code meta} block of a TaskRouter list answer; {@code nextPageUrl} is null on the last page. */
public record PageMeta(Integer page, Integer pageSize, String key, String nextPageUrl) {
}
