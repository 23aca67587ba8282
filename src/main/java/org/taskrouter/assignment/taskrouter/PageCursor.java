package org.taskrouter.assignment.taskrouter;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

/** Where the next page of a TaskRouter list starts, taken from its {@code next_page_url}. */
record PageCursor(Integer page, String token) {

    private static final Logger LOG = Logger.getLogger(PageCursor.class);

    static final PageCursor FIRST = new PageCursor(null, null);

    /** The cursor named by {@code nextPageUrl}, or null when there is no next page. */
    static PageCursor after(String nextPageUrl) {
        if (nextPageUrl == null || nextPageUrl.isBlank()) {
            return null;
        }
        String rawQuery;
        try {
            rawQuery = URI.create(nextPageUrl).getRawQuery();
        } catch (IllegalArgumentException notAUrl) {
            LOG.warnf("TaskRouter sent a next_page_url that is not a URL; stopping at this page");
            return null;
        }
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        Integer page = query.containsKey("Page") && query.get("Page").matches("\\d{1,9}")
                ? Integer.valueOf(query.get("Page")) : null;
        String token = query.get("PageToken");
        return page == null && token == null ? null : new PageCursor(page, token);
    }
}
