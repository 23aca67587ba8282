package org.taskrouter.assignment.taskrouter;

import java.util.regex.Pattern;

import org.taskrouter.assignment.error.BadRequestException;

/** Twilio SIDs: a two-letter prefix naming the kind of resource, then 32 hexadecimal digits. */
public final class Sids {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9a-fA-F]{32}");

    private Sids() {
    }

    /** Whether {@code value} is a SID of the kind {@code prefix} names. */
    public static boolean isSid(String value, String prefix) {
        return value != null && value.length() == 34 && value.startsWith(prefix) && SHAPE.matcher(value).matches();
    }

    /** Null when {@code value} is null (an optional field left out), else as {@link #require}. */
    public static String requireIfPresent(String value, String prefix, String what) {
        return value == null ? null : require(value, prefix, what);
    }

    /** {@code value} when it is a SID of the kind {@code prefix}; otherwise a 400 naming {@code what}. */
    public static String require(String value, String prefix, String what) {
        if (!isSid(value, prefix)) {
            throw new BadRequestException(what + " must be a SID: " + prefix + " followed by 32 hexadecimal digits");
        }
        return value;
    }
}
