package org.taskrouter.assignment.callback;

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
    /** Slots of {@link #NAMES}: a power of two, far more than the two dozen names TaskRouter sends. */
    private static final int NAME_SLOTS = 256;
    /**
     * Parameter names already seen, so that TaskRouter's dozen names are not copied out of every body again. A
     * slot is overwritten when another name hashes there, so whatever a client sends, it holds 256 names at most.
     * Unsynchronised on purpose: a String is immutable, so a thread sees a slot's old name or its new one, and
     * either is checked against the body before use.
     */
    private static final String[] NAMES = new String[NAME_SLOTS];

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

    /**
     * Parses a body, refusing malformed percent-escapes with a 400 instead of guessing. Names and values are
     * decoded straight from the body (as {@code URLDecoder} would: {@code +} is a space, each run of escapes is
     * UTF-8): a callback is parsed on every request, so no copy of a pair is made first and a part without
     * escapes is one substring.
     */
    public static CallbackForm parse(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>(32);
        if (body == null || body.isEmpty()) {
            return new CallbackForm(params);
        }
        int length = body.length();
        int start = 0;
        while (start <= length) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                int eq = start;
                while (eq < end && body.charAt(eq) != '=') {
                    eq++;
                }
                String name = name(body, start, eq);
                String value = eq < end ? decode(body, eq + 1, end) : "";
                if (name.isEmpty()) {
                    throw new BadRequestException("Malformed form body: a parameter has no name");
                }
                add(params, name, value);
            }
            start = end + 1;
        }
        return new CallbackForm(params);
    }

    /** One value a name, the usual case, is an immutable one-element list; a repeated name gets a list of its own. */
    private static void add(Map<String, List<String>> params, String name, String value) {
        List<String> previous = params.putIfAbsent(name, List.of(value));
        if (previous != null) {
            List<String> values = previous instanceof ArrayList<String> list ? list : new ArrayList<>(previous);
            values.add(value);
            params.put(name, values);
        }
    }

    /** The name between {@code from} and {@code to}: the one seen before when it is plain text, else decoded. */
    private static String name(String body, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            char c = body.charAt(i);
            if (c == '%' || c == '+') {
                return decode(body, from, to);
            }
            hash = 31 * hash + c;
        }
        int slot = (hash ^ hash >>> 16) & (NAME_SLOTS - 1);
        String seen = NAMES[slot];
        if (seen != null && seen.length() == to - from && body.startsWith(seen, from)) {
            return seen;
        }
        String name = body.substring(from, to);
        NAMES[slot] = name;
        return name;
    }

    private static String decode(String body, int from, int to) {
        int plain = from;
        while (plain < to && body.charAt(plain) != '%' && body.charAt(plain) != '+') {
            plain++;
        }
        if (plain == to) {
            return body.substring(from, to);
        }
        int ascii = plain;
        while (ascii < to && body.charAt(ascii) < 0x80) {
            ascii++;
        }
        if (ascii == to) {
            return decodeAscii(body, from, to);
        }
        StringBuilder decoded = new StringBuilder(to - from).append(body, from, plain);
        byte[] escaped = null;
        int i = plain;
        while (i < to) {
            char c = body.charAt(i);
            if (c == '+') {
                decoded.append(' ');
                i++;
            } else if (c == '%') {
                if (escaped == null) {
                    escaped = new byte[(to - i) / 3];
                }
                int count = 0;
                while (i < to && body.charAt(i) == '%') {
                    escaped[count++] = escapedByte(body, i, to);
                    i += 3;
                }
                decoded.append(new String(escaped, 0, count, StandardCharsets.UTF_8));
            } else {
                decoded.append(c);
                i++;
            }
        }
        return decoded.toString();
    }

    /**
     * The usual escaped value (an attributes object): ASCII text, so every character and escape is one byte of
     * UTF-8 and the whole value is decoded into one array, made a String once.
     */
    private static String decodeAscii(String body, int from, int to) {
        byte[] bytes = new byte[to - from];
        int count = 0;
        int i = from;
        while (i < to) {
            char c = body.charAt(i);
            if (c == '%') {
                bytes[count++] = escapedByte(body, i, to);
                i += 3;
            } else {
                bytes[count++] = (byte) (c == '+' ? ' ' : c);
                i++;
            }
        }
        return new String(bytes, 0, count, StandardCharsets.UTF_8);
    }

    /** The byte that the escape at {@code at} ({@code %} and two hexadecimal digits, before {@code to}) stands for. */
    private static byte escapedByte(String body, int at, int to) {
        int high = at + 2 < to ? Character.digit(body.charAt(at + 1), 16) : -1;
        int low = at + 2 < to ? Character.digit(body.charAt(at + 2), 16) : -1;
        if (high < 0 || low < 0) {
            throw new BadRequestException("Malformed form body: invalid percent-encoding");
        }
        return (byte) (high << 4 | low);
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
