package org.taskrouter.assignment.callback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;

import org.taskrouter.assignment.error.BadRequestException;

import io.vertx.core.http.HttpServerRequest;

/**
 * An {@code application/x-www-form-urlencoded} callback body, every parameter kept: the signature covers
 * parameters nobody has documented yet, so none may be dropped before it is checked.
 */
public final class CallbackForm {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, List<String>> params;

    private CallbackForm(Map<String, List<String>> params) {
        this.params = params;
    }

    /**
     * The form of a callback request. TaskRouter always says what it sends; a body without the form content type
     * is refused (415) rather than guessed at.
     */
    public static CallbackForm read(HttpServerRequest request, String body) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.regionMatches(true, 0, FORM, 0, FORM.length())) {
            throw new WebApplicationException(415);
        }
        return parse(body);
    }

    /** Parses a body, refusing malformed percent-escapes with a 400 instead of guessing. */
    public static CallbackForm parse(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return new CallbackForm(params);
        }
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = body.length();
            }
            if (end > start) {
                String pair = body.substring(start, end);
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name.isEmpty()) {
                    throw new BadRequestException("Malformed form body: a parameter has no name");
                }
                params.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return new CallbackForm(params);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed form body: invalid percent-encoding");
        }
    }

    /** Every parameter with all its values, in the order received. */
    public Map<String, List<String>> params() {
        return params;
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of {@code name}; a 400 naming it when absent or blank. */
    public String required(String name) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            throw new BadRequestException("Missing parameter " + name);
        }
        return value;
    }
}
