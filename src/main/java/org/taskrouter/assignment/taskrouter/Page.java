package org.taskrouter.assignment.taskrouter;

import java.util.List;

/** What every TaskRouter list answer has: its items and where the next page is. */
public interface Page<T> {

    /** The items of this page, never null. */
    List<T> items();

    /** Paging information. */
    PageMeta meta();
}
