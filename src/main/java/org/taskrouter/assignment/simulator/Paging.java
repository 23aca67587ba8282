package org.taskrouter.assignment.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * TaskRouter's list paging: {@code PageSize} (50 by default, at most 1000), {@code Page} from 0 and an opaque
 * {@code PageToken}. The token holds the creation number of the last item shown, so that following
 * {@code meta.next_page_url} neither repeats nor skips items when new ones are created meanwhile.
 */
final class Paging {

    private static final Set<String> PAGING_PARAMS = Set.of("PageSize", "Page", "PageToken");

    private Paging() {
    }

    /**
     * The page of {@code items} (in creation order) the query asks for.
     *
     * @param listUrl the list's absolute URL without query, e.g.
     *     {@code http://localhost:8080/v1/Workspaces/WS…/Tasks}
     * @param key the name of the item array, e.g. {@code tasks}
     */
    static <S, J> ResourceJson.Page<J> page(List<S> items, ToLongFunction<S> seqOf, Function<S, J> render,
            Params query, String listUrl, String key) {
        int pageSize = query.integer("PageSize", 1, 1000, 50);
        int page = query.integer("Page", 0, Integer.MAX_VALUE, 0);
        String token = query.string("PageToken");
        int from;
        if (token != null && token.startsWith("PA") && token.length() > 2) {
            long after = parseToken(token);
            from = 0;
            while (from < items.size() && seqOf.applyAsLong(items.get(from)) <= after) {
                from++;
            }
        } else {
            from = (int) Math.min(items.size(), (long) page * pageSize);
        }
        int to = Math.min(items.size(), from + pageSize);
        List<J> rendered = items.subList(from, to).stream().map(render).toList();
        String filters = filterQuery(query.asMap());
        String next = to < items.size()
                ? url(listUrl, filters, pageSize, page + 1, "PA" + seqOf.applyAsLong(items.get(to - 1)))
                : null;
        String previous = page > 0 ? url(listUrl, filters, pageSize, page - 1, null) : null;
        ResourceJson.Meta meta = new ResourceJson.Meta(page, pageSize, url(listUrl, filters, pageSize, 0, null),
                previous, url(listUrl, filters, pageSize, page, token), next, key);
        return new ResourceJson.Page<>(key, rendered, meta);
    }

    private static long parseToken(String token) {
        try {
            return Long.parseLong(token.substring(2));
        } catch (NumberFormatException e) {
            throw TwilioApiException.badRequest("Invalid PageToken: " + token);
        }
    }

    private static String filterQuery(Map<String, List<String>> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, values) -> {
            if (!PAGING_PARAMS.contains(name)) {
                for (String value : values) {
                    joined.add(encode(name) + "=" + encode(value));
                }
            }
        });
        return joined.toString();
    }

    private static String url(String listUrl, String filters, int pageSize, int page, String token) {
        StringBuilder url = new StringBuilder(listUrl).append('?');
        if (!filters.isEmpty()) {
            url.append(filters).append('&');
        }
        url.append("PageSize=").append(pageSize).append("&Page=").append(page);
        if (token != null) {
            url.append("&PageToken=").append(encode(token));
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
